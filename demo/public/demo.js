// The demo partner's own script: it listens to the SDK's events and asks its server to confirm them.
const log = document.getElementById('event-log');

function write(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(item);
}

for (const type of ['bank-ready', 'bank-error', 'bank-cancel', 'bank-login-success', 'bank-logout', 'bank-pay-success', 'bank-pay-failure', 'bank-loan-submitted', 'bank-account-opened', 'bank-invest-success', 'bank-invest-redeemed', 'bank-consent-granted', 'bank-consent-declined', 'bank-merchant-verified']) {
  document.addEventListener(type, (event) => {
    const from = event.target instanceof Element ? `<${event.target.localName}>` : 'document';
    write(`${type} from ${from} ${JSON.stringify(event.detail)}`);
  });
}

document.addEventListener('bank-login-success', async (event) => {
  const response = await fetch(`/api/bank/customers/${encodeURIComponent(event.detail.customerId)}`);
  const customer = await response.json();
  write(response.ok ? `server verified with the bank: ${customer.displayName}` : `server could not verify: ${customer.error?.code}`);
});

// A payment event is only a hint: the server checks its own order with the bank before marking the rent paid.
document.addEventListener('bank-pay-success', async () => {
  const response = await fetch('/api/rent/confirm', { method: 'POST' });
  const rent = await response.json();
  write(`server checked the order with the bank: ${rent.orderStatus}`);
  if (rent.rentPaid) {
    const status = document.getElementById('rent-status');
    status.textContent = status.dataset.paidText;
    status.dataset.paid = 'true';
  }
});

document.addEventListener('bank-loan-submitted', async (event) => {
  const response = await fetch(`/api/loans/${encodeURIComponent(event.detail.applicationId)}`);
  const loan = await response.json();
  write(response.ok ? `server read the application from the bank: ${loan.status}, APR ${loan.apr}%` : `server could not read it: ${loan.error?.code}`);
});

// Consent is a hint too: the server reads the bank's signed answers before waiving the deposit.
document.addEventListener('bank-consent-granted', async (event) => {
  const response = await fetch('/api/deposit/waiver', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ consentId: event.detail.consentId }),
  });
  const result = await response.json();
  write(response.ok ? `server verified the bank's signed answers: ${result.deposit}` : `server could not verify the consent: ${result.error}`);
  if (response.ok) {
    const status = document.getElementById('deposit-status');
    status.dataset.deposit = result.deposit;
    status.textContent = result.deposit === 'waived' ? status.dataset.waivedText : status.dataset.notEligibleText;
  }
});

// Verification is a hint too: the server reads the merchant's state from the bank.
document.addEventListener('bank-merchant-verified', async () => {
  const response = await fetch('/api/landlords/merchant');
  const merchant = await response.json();
  write(`server checked the merchant with the bank: ${merchant.status}`);
  const status = document.getElementById('merchant-status');
  if (status && merchant.status) status.textContent = merchant.status;
});
