import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { graphqlOperationSpan } from "../telemetry.ts";

/**
 * A span per executed GraphQL operation (`query GrantsPage`), active while its resolvers run, so
 * the SQL statements they send nest under it. Added to the gateway only when tracing is on;
 * placed last, it wraps whichever executor the plugins before it chose (graphql-jit's).
 */
export function useOperationTracing(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(
        args.document,
        args.operationName ?? undefined,
      );
      const span = graphqlOperationSpan(
        operation?.operation ?? "query",
        operation?.name?.value ?? args.operationName ?? undefined,
      );
      if (!span) return;
      let ended = false;
      const end = (errors: readonly { message: string }[] | undefined) => {
        if (ended) return;
        ended = true;
        span.end(errors);
      };
      setExecuteFn(async (executeArgs) => {
        try {
          return await span.run(() => executeFn(executeArgs));
        } catch (error) {
          end([{ message: (error as Error).message }]);
          throw error;
        }
      });
      return {
        onExecuteDone({ result }) {
          end("errors" in result ? result.errors : undefined);
        },
      };
    },
  };
}
