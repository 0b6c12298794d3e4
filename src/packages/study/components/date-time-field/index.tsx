import { Picker, Text, View } from '@tarojs/components'

export interface DateTimeFieldProps {
  label: string
  date: string
  time: string
  onDate: (date: string) => void
  onTime: (time: string) => void
}

/** A date and a time with the phone's own pickers ("YYYY-MM-DD", "HH:mm", China time). */
export function DateTimeField({ label, date, time, onDate, onTime }: DateTimeFieldProps) {
  return (
    <View className="study-field">
      <Text className="t-caption">{label}</Text>
      <View className="study-line">
        <View className="study-line__cell">
          <Picker mode="date" value={date} onChange={(e) => onDate(String(e.detail.value))}>
            <View className="input">
              <Text className="t-body">{date}</Text>
            </View>
          </Picker>
        </View>
        <View className="study-line__cell">
          <Picker mode="time" value={time} onChange={(e) => onTime(String(e.detail.value))}>
            <View className="input">
              <Text className="t-body">{time}</Text>
            </View>
          </Picker>
        </View>
      </View>
    </View>
  )
}
