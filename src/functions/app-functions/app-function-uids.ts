// The `uid` of each app function component, on its own so the private install's cards can name
// the function they call without bundling the rest of the project's metadata. Like every uid,
// never changed once uploaded: the card calls the card function by it.
export const APP_FUNCTION_UIDS = {
  handoffCard: 'baton_handoff_card_function',
  startHandoff: 'baton_start_handoff_function',
} as const;
