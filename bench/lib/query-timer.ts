import {
  AliasNode,
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';

function tableName(node: OperationNode | undefined): string {
  if (node && TableNode.is(node)) return node.table.identifier.name;
  if (node && AliasNode.is(node)) return tableName(node.node);
  return '?';
}

function labelOf(node: RootOperationNode): string {
  if (InsertQueryNode.is(node)) return `insert ${tableName(node.into)}`;
  if (SelectQueryNode.is(node)) return `select ${tableName(node.from?.froms[0])}`;
  if (UpdateQueryNode.is(node)) return `update ${tableName(node.table)}`;
  if (DeleteQueryNode.is(node)) return `delete ${tableName(node.from.froms[0])}`;
  return node.kind;
}

/**
 * A Kysely plugin that adds up, per statement kind and table ("insert grants"), the time from
 * building each statement to having its result: the profile of where a batch spends its time.
 * Transaction BEGIN/COMMIT bypass plugins, so they fall into what is left of the total.
 */
export class QueryTimer implements KyselyPlugin {
  readonly totals = new Map<string, { ms: number; count: number }>();
  readonly #started = new WeakMap<QueryId, { label: string; at: number }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, { label: labelOf(args.node), at: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) {
      const total = this.totals.get(started.label) ?? { ms: 0, count: 0 };
      total.ms += performance.now() - started.at;
      total.count += 1;
      this.totals.set(started.label, total);
    }
    return args.result;
  }
}
