/**
 * The exceptions-report kinds of the insider controls (issue 18): staff created, moved,
 * re-activated or given another role; programme settings proposed, confirmed, withdrawn or
 * changed; records made while a control was off; bursts of full resident-ID reveals. Spread
 * into the report's kinds, so the query, the answer and the web page list them.
 */
export const CONTROL_EXCEPTION_KINDS = ['staff_changed', 'settings_changed', 'controls_off', 'resident_id_burst'] as const;

/** The records those exceptions concern, besides applications, loans and remittances. */
export const CONTROL_RECORD_TYPES = ['staff', 'settings'] as const;
