import { useEffect, useState } from 'react';

/** This site's own backend (server.mjs): the only place with the bank's secret key. */
export interface RentOrder {
  orderId: string;
  amount: string;
  description: string;
}

export type RentOrderState = { state: 'loading' } | { state: 'ready'; order: RentOrder } | { state: 'error'; message: string };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

/**
 * The visitor's rent order, created by the server (which decides the amount). The server uses an Idempotency-Key
 * per visitor and month, so StrictMode's second effect run in development gets the same order.
 */
export function useRentOrder(): RentOrderState {
  const [state, setState] = useState<RentOrderState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    call<RentOrder>('/api/rent-order', { method: 'POST' }).then(
      (order) => current && setState({ state: 'ready', order }),
      (error: Error) => current && setState({ state: 'error', message: `Your rent order could not be loaded: ${error.message}` }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

/** `bank-pay-success` is a hint (any script on the page could fire it): the server asks the bank. */
export const checkOrder = (orderId: string) =>
  call<{ orderId: string; status: string; paymentId: string | null }>(`/api/orders/${encodeURIComponent(orderId)}`);
