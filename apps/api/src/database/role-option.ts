/** The startup option that puts every connection in the given role (pg's `options`); see app-role.ts. */
export function roleOption(role: string | null): { options?: string } {
  return role ? { options: `-c role=${role}` } : {};
}
