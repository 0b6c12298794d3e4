const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/**
 * A key for one form, made when it opens and sent with every try of it: the server stores the form's record once
 * however often it arrives (a dropped connection, a second tap). Unguessable enough for that (24 characters of 57,
 * about 140 bits); the server scopes it to the sender, so it is no secret.
 */
export function newSubmitKey(): string {
  let key = ''
  for (let i = 0; i < 24; i++) key += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return key
}
