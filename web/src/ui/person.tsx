/**
 * A person named on a record: her display name when the record carries one, else the
 * user name (until every record names people from the staff directory).
 */
export function Person({ who }: { who: { username: string; displayName?: string } | string }) {
  const name = typeof who === 'string' ? who : (who.displayName ?? who.username);
  return <span className="person">{name}</span>;
}
