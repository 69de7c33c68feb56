/** The exceptions-report kinds of a mother's data-subject requests (a leaf module: the schemas and the store import it). */
export const PERSONAL_DATA_EXCEPTION_KINDS = ['data_access_request', 'personal_data_corrected'] as const;
