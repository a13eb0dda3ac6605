// How the preview writes money, dates and Baton's states.
export const money = (amount: string | null | undefined): string => {
  const value = Number(amount);
  if (!amount || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value);
};

export const day = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const at = new Date(/^\d+$/.test(iso) ? Number(iso) : iso);
  if (Number.isNaN(at.getTime())) return '—';
  return at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
};

export const dateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const at = new Date(/^\d+$/.test(iso) ? Number(iso) : iso);
  if (Number.isNaN(at.getTime())) return '—';
  return at.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
};

/** `needs_revision` → "Needs revision". */
export const words = (value: string | null | undefined): string =>
  value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : '—';

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
