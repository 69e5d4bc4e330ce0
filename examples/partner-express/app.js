// The rent page's own script. SDK events are hints: every decision is asked of this site's server, which asks the
// bank. Text is written with textContent only (the page runs under Trusted Types).
const orderStatus = document.getElementById('order-status');
const loanStatus = document.getElementById('loan-status');

document.addEventListener('bank-pay-success', async (event) => {
  const response = await fetch(`/api/orders/${encodeURIComponent(event.detail.orderId)}/verify`, { method: 'POST' });
  const answer = await response.json();
  orderStatus.textContent = answer.paid
    ? 'Paid: confirmed by our server with the bank.'
    : `Not confirmed by the bank (${answer.status ?? answer.error?.code}).`;
});

document.addEventListener('bank-pay-failure', (event) => {
  orderStatus.textContent = `Payment failed: ${event.detail.message}`;
});

document.addEventListener('bank-loan-submitted', async (event) => {
  const response = await fetch(`/api/loan-applications/${encodeURIComponent(event.detail.applicationId)}`);
  const loan = await response.json();
  loanStatus.textContent = response.ok ? `Loan application ${loan.status} (APR ${loan.apr}%).` : `Could not check: ${loan.error?.code}`;
});

// Every element also shows its own errors; the console gets the details (and, in the sandbox, the fix).
document.addEventListener('bank-error', (event) => console.info('bank-error', event.detail));
