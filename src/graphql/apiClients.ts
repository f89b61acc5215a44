import { ApiClientError, updateClientLimits, type ApiClient } from '../auth/clients.ts';
import { clientActor } from '../audit/record.ts';
import { builder } from './builder.ts';
import { ConflictError, NotFoundError, UserErrorRef, ValidationError, USER_ERRORS_FIELD_DESCRIPTION, type UserError } from './errors.ts';

// An API client's limits as internal tools see them: trusted documents only, and the query-cost
// budget per minute. Operators change them here (scope admin) or at creation (client create).

const ApiClientLimitsRef = builder.objectRef<ApiClient>('ApiClientLimits').implement({
  description: "An API client's limits.",
  fields: (t) => ({
    clientId: t.exposeString('id', { description: 'The API client.' }),
    trustedOnly: t.exposeBoolean('trustedOnly', { description: "May run only the documents of the gateway's trusted-documents manifest, sent by hash." }),
    costBudgetPerMinute: t.exposeInt('costBudgetPerMinute', { nullable: true, description: "Query cost it may spend per minute; null: the gateway's default." }),
  }),
});

builder.relayMutationField(
  'setApiClientLimits',
  {
    description: 'What setApiClientLimits needs; fields left out keep their value.',
    inputFields: (t) => ({
      clientId: t.string({ required: true, description: 'The API client (as slackgate client list shows it).' }),
      trustedOnly: t.boolean({ required: false, description: 'Limit it to trusted documents (true), or lift that (false).' }),
      costBudgetPerMinute: t.int({ required: false, description: "Query cost per minute; null returns to the gateway's default." }),
    }),
  },
  {
    description: "Limit an API client to trusted documents, or set its query-cost budget per minute. Its tokens are re-read at once on every replica.",
    skipTypeScopes: true,
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx): Promise<{ client?: ApiClient; errors: UserError[] }> => {
      try {
        const client = await updateClientLimits(
          ctx.database.db,
          input.clientId,
          { trustedOnly: input.trustedOnly ?? undefined, costBudgetPerMinute: input.costBudgetPerMinute },
          clientActor(ctx.principal.clientId),
        );
        return { client, errors: [] };
      } catch (error) {
        if (!(error instanceof ApiClientError)) throw error;
        const field = error.code === 'VALIDATION' ? 'input.costBudgetPerMinute' : 'input.clientId';
        const typed = error.code === 'NOT_FOUND' ? new NotFoundError(error.message, { field }) : error.code === 'REVOKED' ? new ConflictError(error.message, { field }) : new ValidationError(error.message, { field });
        return { errors: [typed] };
      }
    },
  },
  {
    name: 'SetApiClientLimitsPayload',
    description: 'The outcome of setApiClientLimits.',
    outputFields: (t) => ({
      client: t.field({ type: ApiClientLimitsRef, nullable: true, description: 'The client with its limits now.', resolve: (p) => p.client ?? null }),
      errors: t.field({ type: [UserErrorRef], description: USER_ERRORS_FIELD_DESCRIPTION, resolve: (p) => p.errors }),
    }),
  },
);
