import { evidenceLabel, formatEvidenceValue } from './evidence-labels';
import styles from './smells.module.css';

type Row = Record<string, string | number | boolean | null>;

// Names (services, databases, trace ids) may be thousands of characters: they are cut to
// one line with the whole text in the title. Numbers are right-aligned and never wrap, and
// headers break only between words, so a narrow column never reads "databas e".
function Cell({ column, value }: { column: string; value: Row[string] | undefined }) {
  const text = formatEvidenceValue(column, value ?? null);
  if (typeof value === 'number') return <td className={styles.num}>{text}</td>;
  return (
    <td>
      <span className={styles.cellText} title={text}>
        {text}
      </span>
    </td>
  );
}

/** One evidence list (e.g. the accessors of a database) as a table; all values as text. */
export function EvidenceTable({ field, rows }: { field: string; rows: Row[] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid={`evidence-${field}`}>
        <caption>{evidenceLabel(field)}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={rows.every((r) => typeof r[c] !== 'string') ? styles.num : undefined}
              >
                {evidenceLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <Cell key={c} column={c} value={row[c]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
