import { z } from 'zod';

// The parts of Docker Engine API responses the collector reads, checked where they arrive.
// Shapes: ../shared/corpus/moby/engine-api-v1.47.yaml (ContainerInspectResponse,
// EndpointSettings, MountPoint, EventMessage); fields we do not read are stripped.

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const endpoint = z.object({
  IPAddress: nullableString,
  GlobalIPv6Address: nullableString,
  Aliases: stringList,
  DNSNames: stringList,
});

export const containerInspectSchema = z.object({
  Id: z.string().min(12),
  Name: z.string(),
  Image: z.string().optional(),
  Config: z.object({
    Image: z.string().default(''),
    Hostname: nullableString,
    Env: stringList,
    Labels: z
      .record(z.string(), z.string())
      .nullish()
      .transform((v) => v ?? {}),
  }),
  State: z.object({
    Status: z.string(),
    Pid: z.number().int().optional(),
    Health: z.object({ Status: z.string() }).nullish(),
  }),
  HostConfig: z.object({ NetworkMode: nullableString, Links: stringList }).partial().default({}),
  NetworkSettings: z
    .object({
      Networks: z
        .record(z.string(), endpoint)
        .nullish()
        .transform((v) => v ?? {}),
    })
    .default({ Networks: {} }),
  Mounts: z
    .array(
      z.object({
        Type: z.string().default('volume'),
        Name: nullableString,
        Source: nullableString,
        Destination: z.string(),
        RW: z.boolean().default(true),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});

export type ContainerInspect = z.infer<typeof containerInspectSchema>;

export const containerSummarySchema = z.object({ Id: z.string(), State: z.string().optional() });

export const eventMessageSchema = z.object({
  Type: z.string(),
  Action: z.string(),
  Actor: z
    .object({
      ID: z.string().default(''),
      Attributes: z
        .record(z.string(), z.string())
        .nullish()
        .transform((v) => v ?? {}),
    })
    .default({ ID: '', Attributes: {} }),
  timeNano: z.number().optional(),
});

export type EventMessage = z.infer<typeof eventMessageSchema>;
