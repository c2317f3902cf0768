import argon2 from 'argon2';

/** argon2id with OWASP's minimums (19 MiB, two passes, one lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

/** Verifying against this when an e-mail is unknown takes as long as a real check. */
let dummyHash: Promise<string> | undefined;
export const spendVerificationTime = async (password: string) => {
  dummyHash ??= hashPassword('trellis-timing-equaliser');
  await verifyPassword(await dummyHash, password);
};
