import { describe, expect, it } from 'vitest';

import { parseEnvReferences, parseEnvValue } from './parse-env-references';

describe('parseEnvValue', () => {
  it('reads database URLs with system, host, port and database name', () => {
    expect(parseEnvValue('DATABASE_URL', 'postgres://db:5432/orders?sslmode=disable')).toEqual([
      {
        variable: 'DATABASE_URL',
        connectionType: 'database',
        system: 'postgresql',
        host: 'db',
        port: 5432,
        database: 'orders',
        explicit: true,
      },
    ]);
    expect(parseEnvValue('MONGO_URL', 'mongodb://m1:27017,M2/shop')).toEqual([
      {
        variable: 'MONGO_URL',
        connectionType: 'database',
        system: 'mongodb',
        host: 'm1',
        port: 27017,
        database: 'shop',
        explicit: true,
      },
      {
        variable: 'MONGO_URL',
        connectionType: 'database',
        system: 'mongodb',
        host: 'm2',
        port: undefined,
        database: 'shop',
        explicit: true,
      },
    ]);
    expect(parseEnvValue('CACHE', 'redis://cache:6379/0')).toEqual([
      {
        variable: 'CACHE',
        connectionType: 'database',
        system: 'redis',
        host: 'cache',
        port: 6379,
        database: undefined,
        explicit: true,
      },
    ]);
  });

  it('reads JDBC URLs', () => {
    expect(
      parseEnvValue('SPRING_DATASOURCE_URL', 'jdbc:mysql://mysql:3306/ts?useSSL=false'),
    ).toEqual([
      {
        variable: 'SPRING_DATASOURCE_URL',
        connectionType: 'database',
        system: 'mysql',
        host: 'mysql',
        port: 3306,
        database: 'ts',
        explicit: true,
      },
    ]);
    expect(parseEnvValue('JDBC', 'jdbc:sqlserver://sql:1433;databaseName=Orders')).toEqual([
      {
        variable: 'JDBC',
        connectionType: 'database',
        system: 'mssql',
        host: 'sql',
        port: 1433,
        database: 'Orders',
        explicit: true,
      },
    ]);
  });

  it('reads AMQP, Kafka broker lists and HTTP URLs', () => {
    expect(parseEnvValue('AMQP_URL', 'amqp://rabbitmq:5672')).toEqual([
      {
        variable: 'AMQP_URL',
        connectionType: 'messaging',
        system: 'rabbitmq',
        host: 'rabbitmq',
        port: 5672,
        database: undefined,
        explicit: true,
      },
    ]);
    expect(parseEnvValue('KAFKA_BROKERS', 'kafka-1:9092,kafka-2:9092')).toEqual([
      {
        variable: 'KAFKA_BROKERS',
        connectionType: 'messaging',
        system: 'kafka',
        host: 'kafka-1',
        port: 9092,
        explicit: true,
      },
      {
        variable: 'KAFKA_BROKERS',
        connectionType: 'messaging',
        system: 'kafka',
        host: 'kafka-2',
        port: 9092,
        explicit: true,
      },
    ]);
    expect(parseEnvValue('urls__grpcBasket', 'http://basket-api:81')).toEqual([
      {
        variable: 'urls__grpcBasket',
        connectionType: 'rpc',
        system: undefined,
        host: 'basket-api',
        port: 81,
        database: undefined,
        explicit: true,
      },
    ]);
  });

  it('reads *_HOST / *_ADDR / *_SERVICE_ADDR variables, with the system from the name', () => {
    expect(parseEnvValue('POSTGRES_HOST', 'pg')).toEqual([
      {
        variable: 'POSTGRES_HOST',
        connectionType: 'database',
        system: 'postgresql',
        host: 'pg',
        port: undefined,
        explicit: true,
      },
    ]);
    expect(parseEnvValue('PRODUCT_CATALOG_SERVICE_ADDR', 'productcatalogservice:3550')).toEqual([
      {
        variable: 'PRODUCT_CATALOG_SERVICE_ADDR',
        connectionType: 'rpc',
        system: undefined,
        host: 'productcatalogservice',
        port: 3550,
        explicit: true,
      },
    ]);
  });

  it('reads SQL Server and Npgsql connection strings', () => {
    expect(
      parseEnvValue('ConnectionString', 'Server=tcp:sqldata,1433;Database=Ordering;User Id=sa'),
    ).toEqual([
      {
        variable: 'ConnectionString',
        connectionType: 'database',
        system: 'mssql',
        host: 'sqldata',
        port: 1433,
        database: 'Ordering',
        explicit: true,
      },
    ]);
    expect(parseEnvValue('Conn', 'Host=pg;Port=5432;Database=cat;Username=u')).toEqual([
      {
        variable: 'Conn',
        connectionType: 'database',
        system: 'postgresql',
        host: 'pg',
        port: 5432,
        database: 'cat',
        explicit: true,
      },
    ]);
  });

  it('keeps a bare word only as a candidate, and ignores listen addresses and names', () => {
    expect(parseEnvValue('EventBusConnection', 'rabbitmq')).toEqual([
      {
        variable: 'EventBusConnection',
        connectionType: 'rpc',
        system: undefined,
        host: 'rabbitmq',
        port: undefined,
        explicit: false,
      },
    ]);
    expect(parseEnvValue('ASPNETCORE_URLS', 'http://0.0.0.0:80')).toEqual([]);
    expect(parseEnvValue('OTEL_SERVICE_NAME', 'checkout')).toEqual([]);
    expect(parseEnvValue('SpaClient', 'http://:5104')).toEqual([]);
    expect(parseEnvValue('PORT', '80')).toEqual([]);
    expect(parseEnvValue('GREETING', 'hello world')).toEqual([]);
    expect(parseEnvValue('LIST', 'a,b')).toEqual([]);
  });
});

describe('parseEnvReferences', () => {
  it('never sees a secret: secret-named variables dropped, URL passwords stripped first', () => {
    const refs = parseEnvReferences([
      ['DATABASE_URL', 'postgres://app:hunter2@db/orders'],
      ['DB_PASSWORD_HOST', 'hunter2'],
      ['POSTGRES_PASSWORD', 'hunter2'],
    ]);
    expect(refs).toEqual([
      {
        variable: 'DATABASE_URL',
        connectionType: 'database',
        system: 'postgresql',
        host: 'db',
        port: undefined,
        database: 'orders',
        explicit: true,
      },
      {
        variable: 'DB_PASSWORD_HOST',
        connectionType: 'database',
        system: undefined,
        host: 'hunter2',
        port: undefined,
        explicit: true,
      },
    ]);
  });
});
