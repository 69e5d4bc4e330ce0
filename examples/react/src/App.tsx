import type { BankEventDetails } from '@bank-sdk/types';
import { useState } from 'react';
import { checkOrder, useRentOrder } from './api.ts';

type Detail<K extends keyof BankEventDetails> = BankEventDetails[K];
type Payment = { paymentId: string; check: 'pending' | 'confirmed' | 'mismatch' };

/**
 * The rent page. The bank's tags are used like any DOM element: attributes as props, and React 19's
 * `on<event-name>` props for their custom events (`onbank-pay-success` listens to `bank-pay-success`). Their types
 * come from src/bank-elements.d.ts, generated from the SDK's custom-elements.json.
 */
export function App() {
  const rentOrder = useRentOrder();
  const [customer, setCustomer] = useState<Detail<'bank-login-success'> | null>(null);
  const [payment, setPayment] = useState<Payment | null>(null);
  const [payFailure, setPayFailure] = useState<string | null>(null);
  const [loan, setLoan] = useState<Detail<'bank-loan-submitted'> | null>(null);

  async function handlePaid(event: CustomEvent<Detail<'bank-pay-success'>>) {
    const { orderId, paymentId } = event.detail;
    setPayFailure(null);
    setPayment({ paymentId, check: 'pending' });
    const checked = await checkOrder(orderId).catch(() => null);
    const confirmed = checked?.status === 'paid' && checked.paymentId === paymentId;
    setPayment({ paymentId, check: confirmed ? 'confirmed' : 'mismatch' });
  }

  return (
    <>
      <header className="site-header">
        <span className="brand">HomeNest</span>
        <bank-login onbank-login-success={(event) => setCustomer(event.detail)} onbank-logout={() => setCustomer(null)} />
      </header>
      <main>
        <p role="status" className="note">
          {customer ? `Logged in to the bank as ${customer.displayName}.` : 'Not logged in to the bank yet.'}
        </p>

        <section aria-labelledby="rent-heading">
          <h1 id="rent-heading">Rent for December: ¥3,500.00</h1>
          {rentOrder.state === 'loading' && <p>Loading your rent order…</p>}
          {rentOrder.state === 'error' && <p role="alert">{rentOrder.message}</p>}
          {rentOrder.state === 'ready' && (
            <bank-pay
              order-id={rentOrder.order.orderId}
              onbank-pay-success={handlePaid}
              onbank-pay-failure={(event) => setPayFailure(event.detail.message)}
            />
          )}
          <p role="status" className="note">
            {payment && `Paid: ${payment.paymentId}. `}
            {payment?.check === 'pending' && 'Checking with our server…'}
            {payment?.check === 'confirmed' && 'Confirmed by our server with the bank.'}
            {payment?.check === 'mismatch' && 'Our server could not confirm this payment yet.'}
            {payFailure && `Payment failed: ${payFailure}`}
          </p>
        </section>

        <section aria-labelledby="loan-heading">
          <h2 id="loan-heading">Or spread a year’s rent with a rent loan</h2>
          <bank-loan-apply product="rent-loan" amount="36000" term="12" onbank-loan-submitted={(event) => setLoan(event.detail)} />
          <p role="status" className="note">
            {loan && `Loan application ${loan.applicationId}: ${loan.status}, ¥${loan.amount} over ${loan.termMonths} months at APR ${loan.apr}%.`}
          </p>
        </section>
      </main>
    </>
  );
}
