/**
 * The words of the history lookup (the patient's records at other facilities), Vietnamese
 * first; English has the same keys. Used as `t('history.…')`.
 */
export const historyVi = {
  open: 'Tiền sử tại cơ sở khác',
  title: 'Tiền sử tại cơ sở khác trong tỉnh',
  intro: 'Hỏi Sở Y tế hồ sơ của bệnh nhân tại các cơ sở khác (theo CCCD/BHYT). Mỗi lần tra cứu đều được ghi lại.',
  purpose: 'Mục đích tra cứu',
  purposePlaceholder: 'Ví dụ: khám bệnh, cần tiền sử điều trị',
  emergency: 'Truy cập khẩn cấp (bệnh nhân chưa đăng ký tại cơ sở này)',
  reason: 'Lý do khẩn cấp',
  submit: 'Tra cứu',
  cancel: 'Đóng',
  fetching: 'Đang tra cứu…',
  offline: 'Máy đang mất kết nối với Sở: chỉ tra cứu được khi có mạng. Hồ sơ đã tải trước đó vẫn xem được.',
  fetched: 'Đã tải {{count}} hồ sơ từ cơ sở khác.',
  fetchedNone: 'Không có hồ sơ nào của bệnh nhân tại cơ sở khác trong tỉnh.',
  kept: 'Hồ sơ từ cơ sở khác tải lúc {{date}}: {{facilities}}.',
  atFacility: 'Tại {{name}}',
  'problem-no-identifier': 'Bệnh nhân chưa có CCCD hoặc số thẻ BHYT: không tra cứu được.',
  'problem-purpose-required': 'Vui lòng nhập mục đích tra cứu.',
  'problem-reason-required': 'Vui lòng nhập lý do truy cập khẩn cấp.',
  'problem-offline': 'Không kết nối được với Sở: chỉ tra cứu được khi có mạng.',
  'problem-patient-not-here':
    'Sở từ chối: bệnh nhân chưa đăng ký hoặc được chuyển đến cơ sở này. Lần tra cứu đã được ghi lại.',
  'problem-not-permitted': 'Sở từ chối: tài khoản này không có quyền xem hồ sơ lâm sàng.',
  'problem-rate-limited': 'Máy này đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau.',
  'problem-failed': 'Tra cứu không thành công. Vui lòng thử lại.',
};

export const historyEn: Record<keyof typeof historyVi, string> = {
  open: 'History at other facilities',
  title: 'History at other facilities of the province',
  intro: "Asks the province for the patient's records at other facilities (by CCCD/BHYT). Every lookup is recorded.",
  purpose: 'Purpose of the lookup',
  purposePlaceholder: 'E.g. examination, treatment history needed',
  emergency: 'Emergency access (the patient is not registered here)',
  reason: 'Reason for the emergency',
  submit: 'Look up',
  cancel: 'Close',
  fetching: 'Looking up…',
  offline: 'This PC cannot reach the province: lookups need the network. Records fetched before stay readable.',
  fetched: 'Fetched {{count}} records from other facilities.',
  fetchedNone: 'The patient has no records at other facilities of the province.',
  kept: 'Records from other facilities fetched at {{date}}: {{facilities}}.',
  atFacility: 'At {{name}}',
  'problem-no-identifier': 'The patient has no CCCD or BHYT number: no lookup is possible.',
  'problem-purpose-required': 'Please give the purpose of the lookup.',
  'problem-reason-required': 'Please give the reason for the emergency access.',
  'problem-offline': 'The province cannot be reached: lookups need the network.',
  'problem-patient-not-here':
    'Refused: the patient is neither registered nor referred at this facility. The attempt was recorded.',
  'problem-not-permitted': 'Refused: this account may not read clinical records.',
  'problem-rate-limited': 'This PC made too many lookups in a minute. Please try again later.',
  'problem-failed': 'The lookup failed. Please try again.',
};
