// Whether a database call writes. Shared-persistence smells weigh writers above readers, so
// this reads the operation attribute and, when an instrumentation records only the statement,
// the statement's first keyword. SQL, Redis and MongoDB spellings are listed together because
// `db.operation.name` carries whichever the client library uses.

const WRITE_OPERATIONS = new Set([
  // SQL (DML and DDL: both change what other readers see)
  'insert',
  'update',
  'delete',
  'upsert',
  'merge',
  'replace',
  'truncate',
  'create',
  'drop',
  'alter',
  'copy',
  // Redis
  'set',
  'setex',
  'setnx',
  'psetex',
  'mset',
  'msetnx',
  'getset',
  'getdel',
  'append',
  'del',
  'unlink',
  'expire',
  'pexpire',
  'persist',
  'incr',
  'incrby',
  'decr',
  'decrby',
  'hset',
  'hsetnx',
  'hmset',
  'hdel',
  'hincrby',
  'lpush',
  'rpush',
  'lpop',
  'rpop',
  'lset',
  'lrem',
  'sadd',
  'srem',
  'spop',
  'zadd',
  'zrem',
  'zincrby',
  'xadd',
  'xdel',
  'flushdb',
  'flushall',
  // MongoDB and document stores
  'insertone',
  'insertmany',
  'updateone',
  'updatemany',
  'replaceone',
  'deleteone',
  'deletemany',
  'findandmodify',
  'findoneandupdate',
  'findoneandreplace',
  'findoneanddelete',
  'bulkwrite',
  'save',
  'put',
  'putitem',
  'updateitem',
  'deleteitem',
  'batchwriteitem',
]);

/** First keyword of a statement, skipping leading comments, whitespace and parentheses. */
export function firstKeyword(statement: string): string | undefined {
  const stripped = statement.replace(/^(\s|\(|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '');
  return /^[A-Za-z_]+/.exec(stripped)?.[0];
}

export function isWriteOperation(operation?: string, statement?: string): boolean {
  // `db.operation.name` may be qualified ("INSERT orders"); its first word is the verb.
  const verb = operation
    ? firstKeyword(operation)
    : statement
      ? firstKeyword(statement)
      : undefined;
  return verb !== undefined && WRITE_OPERATIONS.has(verb.toLowerCase());
}
