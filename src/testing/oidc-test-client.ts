/** The dashboard's client at the OpenID test provider: kept apart so configs can name it without loading the provider. */
export const TEST_CLIENT_ID = 'model-catalogue-dashboard'
export const TEST_CLIENT_SECRET = 'test-client-secret-not-for-production-0b9c'
