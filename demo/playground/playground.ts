// The playground's controls: they change the elements' attributes, as a partner's page or framework would.
const events = document.getElementById('events')!;
const all = () => document.querySelectorAll<HTMLElement>('bank-login, bank-pay, bank-loan-apply');

for (const type of ['bank-ready', 'bank-error', 'bank-cancel', 'bank-login-success', 'bank-logout', 'bank-pay-success',
  'bank-pay-failure', 'bank-loan-submitted']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    events.prepend(item);
  });
}

document.getElementById('locale')!.addEventListener('change', (event) => {
  for (const element of all()) element.setAttribute('locale', (event.target as HTMLSelectElement).value);
});

// Orders are created by the partner's server (here the demo backend, proxied by Vite), never by the page.
document.getElementById('new-order')!.addEventListener('click', async () => {
  const response = await fetch('/api/rent');
  const { orderId } = (await response.json()) as { orderId: string };
  document.querySelector('bank-pay')!.setAttribute('order-id', orderId);
});

const loan = document.querySelector('bank-loan-apply')!;
for (const name of ['product', 'amount', 'term']) {
  document.getElementById(name)!.addEventListener('change', (event) => {
    loan.setAttribute(name, (event.target as HTMLInputElement).value);
  });
}

document.getElementById('new-order')!.dispatchEvent(new Event('click'));
