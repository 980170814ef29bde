import { describe, expect, it } from 'vitest';

import { isSecretName, sanitizeEnv, splitEnvList, stripSecrets } from './strip-secrets';

const SECRET = 'Sup3r$ecret';

describe('stripSecrets', () => {
  it.each([
    [`postgres://orders:${SECRET}@db:5432/orders`, 'postgres://db:5432/orders'],
    [
      `postgresql://u:${SECRET}@db/orders?sslmode=disable`,
      'postgresql://db/orders?sslmode=disable',
    ],
    [`redis://:${SECRET}@cache:6379/0`, 'redis://cache:6379/0'],
    [`amqp://guest:${SECRET}@rabbitmq:5672/%2f`, 'amqp://rabbitmq:5672/%2f'],
    [
      `mongodb+srv://app:${SECRET}@cluster0.example.net/shop`,
      'mongodb+srv://cluster0.example.net/shop',
    ],
    [
      `mongodb://a:${SECRET}@m1:27017,m2:27017/db?replicaSet=rs0`,
      'mongodb://m1:27017,m2:27017/db?replicaSet=rs0',
    ],
    [`mysql://root:p@ss@word@mysql/db`, 'mysql://mysql/db'],
    [`http://api:8080/v1?token=${SECRET}&x=1`, 'http://api:8080/v1?x=1'],
    [`https://s3/bucket?X-Amz-Signature=${SECRET}&X-Amz-Credential=${SECRET}`, 'https://s3/bucket'],
    [`http://svc/?a=1&api_key=${SECRET}`, 'http://svc/?a=1'],
    [`jdbc:mysql://db:3306/shop?user=app&password=${SECRET}`, 'jdbc:mysql://db:3306/shop?user=app'],
    [
      `jdbc:sqlserver://sql:1433;databaseName=x;password=${SECRET};encrypt=true`,
      'jdbc:sqlserver://sql:1433;databaseName=x;encrypt=true',
    ],
    [`jdbc:oracle:thin:scott/${SECRET}@ora:1521/XE`, 'jdbc:oracle:thin:@ora:1521/XE'],
    [
      `Server=sqldata;Database=Orders;User Id=sa;Password=${SECRET};Encrypt=False`,
      'Server=sqldata;Database=Orders;User Id=sa;Encrypt=False',
    ],
    [`Server=sql;Database=d;Pwd={${SECRET};x};`, 'Server=sql;Database=d;'],
    [`Host=pg;Username=u;Password="${SECRET};y";Database=d`, 'Host=pg;Username=u;Database=d'],
    [
      `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${SECRET};EndpointSuffix=core`,
      'DefaultEndpointsProtocol=https;AccountName=a;EndpointSuffix=core',
    ],
    [
      `Endpoint=sb://bus/;SharedAccessKeyName=root;SharedAccessKey=${SECRET}`,
      'Endpoint=sb://bus/;SharedAccessKeyName=root',
    ],
    [`admin:${SECRET}@kafka:9092`, 'kafka:9092'],
    [`Bearer ${SECRET}abcdefgh`, 'Bearer [redacted]'],
    ['http://catalog-api:81', 'http://catalog-api:81'],
    ['Server=sqldata;Database=Orders', 'Server=sqldata;Database=Orders'],
  ])('%s', (input, expected) => {
    expect(stripSecrets(input)).toBe(expected);
    expect(stripSecrets(input)).not.toContain(SECRET);
  });
});

describe('isSecretName', () => {
  it.each([
    'POSTGRES_PASSWORD',
    'DB_PASS',
    'EventBusPassword',
    'SA_PASSWORD',
    'API_KEY',
    'AzureStorageAccountKey',
    'JWT_SECRET',
    'GITHUB_TOKEN',
    'Token',
    'MYSQL_ROOT_PASSWORD',
    'AWS_SECRET_ACCESS_KEY',
    'BASIC_AUTH',
    'PGPASSWORD',
    'SESSION_COOKIE_SECRET',
  ])('%s is secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each([
    'DATABASE_URL',
    'AUTH_SERVICE_URL',
    'TOKEN_SERVICE_HOST',
    'ConnectionString',
    'REDIS_ADDR',
    'KEYCLOAK_URL',
    'PORT',
    'PASSWORD_RESET_URL',
    'EventBusUserName',
  ])('%s is not secret', (name) => expect(isSecretName(name)).toBe(false));
});

describe('sanitizeEnv', () => {
  it('drops secret-named variables and strips the rest', () => {
    const env = splitEnvList([
      `DATABASE_URL=postgres://app:${SECRET}@db/orders`,
      `POSTGRES_PASSWORD=${SECRET}`,
      'EMPTY',
      'A=b=c',
    ]);
    expect(sanitizeEnv(env)).toEqual([
      ['DATABASE_URL', 'postgres://db/orders'],
      ['EMPTY', ''],
      ['A', 'b=c'],
    ]);
  });
});
