import { expect } from '@open-wc/testing';
import { pinProblem } from '../../src/domain/pin.ts';

describe('payment PIN rules', () => {
  it('accepts the sandbox PIN and refuses what is not six digits', () => {
    expect(pinProblem('135790')).to.equal(null);
    for (const bad of ['', '12345', '1234567', '12345a', ' 13579', '１３５７９０']) expect(pinProblem(bad), bad).to.equal('format');
  });

  it('refuses every repeated digit and every run up or down, and nothing else of all million PINs', () => {
    const refused: string[] = [];
    for (let n = 0; n < 1_000_000; n++) {
      const pin = String(n).padStart(6, '0');
      if (pinProblem(pin) !== null) refused.push(pin);
    }
    const runs = new Set<string>();
    for (let start = 0; start < 10; start++) {
      runs.add([0, 1, 2, 3, 4, 5].map((i) => (start + i) % 10).join(''));
      runs.add([0, 1, 2, 3, 4, 5].map((i) => (start - i + 10) % 10).join(''));
      runs.add(String(start).repeat(6));
    }
    expect(refused.sort()).to.deep.equal([...runs].sort());
    expect(pinProblem('111111')).to.equal('repeated');
    expect(pinProblem('123456')).to.equal('sequence');
    expect(pinProblem('987654')).to.equal('sequence');
    expect(pinProblem('890123')).to.equal('sequence');
  });
});
