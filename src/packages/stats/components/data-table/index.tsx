import { Text, View } from '@tarojs/components'

export interface DataTableProps {
  columns: readonly string[]
  rows: readonly (readonly string[])[]
  /** Called with the row's index when a row is tapped; rows are plain text otherwise. */
  onRow?: (index: number) => void
}

/** A plain table: the numbers of a chart for those who would rather read them, or a page of records. */
export function DataTable({ columns, rows, onRow }: DataTableProps) {
  return (
    <View className="data-table">
      <View className="data-table__row data-table__row--head">
        {columns.map((c) => (
          <Text key={c} className="t-caption data-table__cell">
            {c}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View
          key={`${i}-${row[0]}`}
          className={`data-table__row ${onRow ? 'data-table__row--tap' : ''}`}
          onClick={onRow ? () => onRow(i) : undefined}
        >
          {row.map((cell, k) => (
            <Text key={k} className="t-body data-table__cell">
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
