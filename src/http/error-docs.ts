import { ERROR_REASONS, type Reason } from '../lib/error-reasons.js';
import { GRPC_CODES } from '../lib/errors.js';
import { httpStatusOfReason } from './errors.js';

const REASONS = Object.keys(ERROR_REASONS) as Reason[];

/**
 * The catalogue of error reasons as a Markdown table, one row per reason in catalogue order, its
 * columns padded as the formatter lays them out so the generated file passes the format check.
 */
export function errorReasonsTable(): string {
  const rows = REASONS.map((reason) => {
    const info = ERROR_REASONS[reason];
    return [
      `\`${reason}\``,
      String(httpStatusOfReason(reason)),
      `${info.code} (${GRPC_CODES[info.code]})`,
      info.meaning,
    ];
  });
  const header = ['reason', 'HTTP status', 'gRPC code', 'meaning'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** docs/errors.md, written by `npm run docs:errors` and checked for staleness by a test. */
export function errorsMarkdown(): string {
  return `# Errors

<!-- Generated from src/lib/error-reasons.ts by \`npm run docs:errors\`; do not edit by hand. -->

Every error Roster answers has the body of a \`google.rpc.Status\` carrying one \`ErrorInfo\`
(CONTRACT.md §7.1). Programs branch on \`details[0].reason\`, which is one of the reasons below;
\`details[0].metadata.requestId\` identifies the request in the server's log.

\`\`\`json
{
  "code": 5,
  "message": "app \\"2Ab…\\" not found",
  "details": [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      "reason": "APP_NOT_FOUND",
      "domain": "roster",
      "metadata": { "id": "2Ab…", "requestId": "…" }
    }
  ]
}
\`\`\`

${errorReasonsTable()}
`;
}
