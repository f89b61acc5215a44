import { Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clientActor, recordAudit } from '../audit/record.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Database } from '../db/createDb.ts';
import type { Logger } from '../log.ts';

/**
 * Every attempt at a mutation is audited, refusals included. A mutation that runs audits itself
 * (its outcome, and the refusals it decides: policy, state, Slack). What refuses a mutation
 * before its resolver runs — a missing scope, a document or input that does not validate, a rate
 * limit — answers with a top-level GraphQL error instead; this plugin turns each such error into
 * an audit row (DENIED, or FAILURE for an internal error) naming the client and the reason.
 */

export interface RefusalAuditOptions {
  database: Database;
  logger: Logger;
  /** The principal and origin of the request a context belongs to (undefined: not authenticated). */
  callerOf(context: unknown): { principal: Principal; ip: string | null; userAgent: string | null } | undefined;
}

/** The refusal kinds, by the error code the refusal carries. */
function classify(error: GraphQLError): { outcome: 'DENIED' | 'FAILURE'; errorCode: string; refusedBy: string } {
  const code = String(error.extensions?.code ?? '');
  if (code === 'FORBIDDEN') return { outcome: 'DENIED', errorCode: 'MISSING_SCOPE', refusedBy: 'scope' };
  if (code === 'RATE_LIMITED' || code === 'TOO_MANY_REQUESTS') return { outcome: 'DENIED', errorCode: 'RATE_LIMITED', refusedBy: 'rateLimit' };
  if (code === 'INTERNAL_SERVER_ERROR') return { outcome: 'FAILURE', errorCode: 'INTERNAL', refusedBy: 'internal' };
  return { outcome: 'DENIED', errorCode: code || 'INVALID_INPUT', refusedBy: 'validation' };
}

function mutationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return chosen?.operation === 'mutation' ? chosen : undefined;
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

export function useRefusalAudit(options: RefusalAuditOptions): Plugin {
  const record = async (context: unknown, actions: string[], error: GraphQLError) => {
    const caller = options.callerOf(context);
    if (!caller) return;
    const { outcome, errorCode, refusedBy } = classify(error);
    for (const action of actions) {
      await recordAudit(options.database.db, {
        action,
        outcome,
        actor: clientActor(caller.principal.clientId),
        errorCode,
        details: { refusedBy, error: error.message.slice(0, 500) },
        ip: caller.ip,
        userAgent: caller.userAgent,
      }).catch((failure: Error) => options.logger.error({ err: failure.message, action }, 'a refused mutation could not be audited'));
    }
  };

  return {
    onValidate({ params, context }) {
      return ({ valid, result }) => {
        if (valid) return;
        const operation = mutationOf(params.documentAST);
        const first = result[0];
        if (operation && first) return record(context, rootFields(operation), first) as unknown as void;
      };
    },
    onExecute({ args }) {
      const operation = mutationOf(args.document, args.operationName);
      if (!operation) return;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          // A top-level error on a root field: the mutation was refused (or failed) as a whole.
          const byField = new Map<string, GraphQLError>();
          for (const error of result.errors) {
            const field = error.path?.length === 1 ? String(error.path[0]) : undefined;
            if (field && !byField.has(field)) byField.set(field, error);
          }
          const names = new Map(operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [[s.alias?.value ?? s.name.value, s.name.value] as const] : [])));
          return Promise.all([...byField].map(([key, error]) => record(args.contextValue, [names.get(key) ?? key], error))) as unknown as void;
        },
      };
    },
  };
}
