import { defineConfig } from 'prisma/config';

// `prisma generate` needs no database; the URL is read lazily so generate works unset.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
