import { expect } from '@open-wc/testing';
import { isValidResidentId, maskResidentId, residentIdCheckChar } from '../../src/domain/resident-id.ts';


/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = ['110105199003070017', '310115198805120034', '11010519491231002X'];

/** Builds a full number from 17 digits by appending the computed check character. */
const complete = (first17: string) => first17 + residentIdCheckChar(first17);

/** Independent calendar oracle: Gregorian days per month, no Date involved. */
function isRealDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('residentIdCheckChar', () => {
  it('computes the MOD 11-2 check character of the known numbers', () => {
    expect(residentIdCheckChar('11010519900307001')).to.equal('7');
    expect(residentIdCheckChar('31011519880512003')).to.equal('4');
    expect(residentIdCheckChar('11010519491231002')).to.equal('X');
  });

  it('matches a hand computation', () => {
    // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 9·6 + 0·3 + 0·7 + 3·9 + 0·10 + 7·5 + 0·8 + 0·4 + 1·2
    //   = 7 + 9 + 5 + 20 + 2 + 9 + 54 + 27 + 35 + 2 = 170; 170 mod 11 = 5; "10X98765432"[5] = '7'.
    expect(residentIdCheckChar('11010519900307001')).to.equal('7');
    // All zeros: sum 0 → '1'.
    expect(residentIdCheckChar('00000000000000000')).to.equal('1');
  });

  it('refuses anything but 17 digits', () => {
    for (const bad of ['', '1101051990030700', '110105199003070017', '1101051990030700a', ' 1101051990030700']) {
      expect(() => residentIdCheckChar(bad), bad).to.throw(RangeError);
    }
  });
});

describe('isValidResidentId', () => {
  it('accepts the known valid numbers', () => {
    for (const id of VALID) expect(isValidResidentId(id), id).to.equal(true);
  });

  it('accepts a lowercase x check character', () => {
    expect(isValidResidentId('11010519491231002x')).to.equal(true);
  });

  it('rejects every single-character change of the valid numbers', () => {
    let tried = 0;
    for (const id of VALID) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of pos === 17 ? '0123456789X' : '0123456789') {
          if (c === id[pos]) continue;
          const changed = id.slice(0, pos) + c + id.slice(pos + 1);
          expect(isValidResidentId(changed), changed).to.equal(false);
          tried++;
        }
      }
    }
    expect(tried).to.equal(3 * (17 * 9 + 10));
  });

  it('rejects malformed input', () => {
    const bad = [
      '',
      '11010519900307001', // 17 characters
      '1101051990030700177', // 19 characters
      ' 110105199003070017',
      '110105199003070017 ',
      '1101051990030X0017',
      '11010519491231002Y',
      '１１０１０５１９９００３０７００１７', // full-width digits
    ];
    for (const id of bad) expect(isValidResidentId(id), id).to.equal(false);
    expect(isValidResidentId(null as unknown as string)).to.equal(false);
    expect(isValidResidentId(110105199003070017 as unknown as string)).to.equal(false);
  });

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const date of ['19990230', '19000229', '20230229', '19991301', '19990001', '19990100', '19990431', '18991231', '00000000']) {
      const id = complete(`110105${date}001`);
      expect(isValidResidentId(id), id).to.equal(false);
    }
    for (const date of ['20000229', '20040229', '19000101', '19991231']) {
      const id = complete(`110105${date}001`);
      expect(isValidResidentId(id), id).to.equal(true);
    }
  });

  it('accepts birth up to today and rejects the future', () => {
    const today = new Date(2024, 4, 15); // 2024-05-15, local time
    expect(isValidResidentId(complete('11010520240515001'), today)).to.equal(true);
    expect(isValidResidentId(complete('11010520240516001'), today)).to.equal(false);
    expect(isValidResidentId(complete('11010520250101001'), today)).to.equal(false);
    const now = new Date();
    const todayDigits = `${now.getFullYear()}${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)}`;
    expect(isValidResidentId(complete(`110105${todayDigits}001`))).to.equal(true);
    expect(isValidResidentId(complete(`110105${now.getFullYear() + 1}0101001`))).to.equal(false);
  });

  it('agrees with a calendar oracle on 3000 generated numbers', () => {
    const rand = mulberry32(11643);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const today = new Date(2024, 11, 31);
    let valid = 0;
    let invalid = 0;
    for (let k = 0; k < 3000; k++) {
      const [y, m, d] = [int(1890, 2030), int(0, 13), int(0, 32)];
      const first17 = `${pad(int(0, 999_999), 6)}${y}${pad(m, 2)}${pad(d, 2)}${pad(int(0, 999), 3)}`;
      const id = complete(first17);
      const expected = isRealDate(y, m, d) && y >= 1900 && y <= 2024;
      expect(isValidResidentId(id, today), id).to.equal(expected);
      if (expected) valid++;
      else invalid++;
      // A wrong check character always fails.
      const wrong = first17 + '10X98765432'.replace(id[17]!, '')[int(0, 9)];
      expect(isValidResidentId(wrong, today), wrong).to.equal(false);
    }
    expect(valid).to.be.above(1000);
    expect(invalid).to.be.above(500);
  });
});

describe('maskResidentId', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskResidentId('110105199003070017')).to.equal('110***********0017');
    expect(maskResidentId('11010519491231002X')).to.equal('110***********002X');
    expect(maskResidentId('11010519491231002x')).to.equal('110***********002X');
    expect(maskResidentId('110105199003070017')).to.have.length(18);
  });

  it('masks short input entirely', () => {
    expect(maskResidentId('1234567')).to.equal('*******');
    expect(maskResidentId('')).to.equal('');
    expect(maskResidentId('12345678')).to.equal('123*5678');
  });
});
