// A storage problem the operator must fix (unreachable server, locked data directory): one clear line.
export class DatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}
