// The date picker for a deadline set when assigning or reopening: days before the
// zone's date are not offered (the server refuses them too: loop.past_deadline).
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useZone } from './zone';

export function DeadlinePicker(props: DatePickerProps) {
  const today = useZone().data?.today;
  return <DatePicker {...props} minDate={today ? dayjs(today) : undefined} />;
}
