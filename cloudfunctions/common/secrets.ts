/**
 * Secrets come from the function's environment variables (set in the CloudBase console, or
 * by the local host from its data folder), never from the repository.
 */
export function checkinSecret(): string {
  const secret = process.env.CHECKIN_HMAC_SECRET
  if (!secret || secret.length < 32) {
    throw new Error('CHECKIN_HMAC_SECRET is not configured (at least 32 characters): see docs/DEPLOY.md')
  }
  return secret
}
