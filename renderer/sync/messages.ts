/** The words of honest sync state: what is unsent, offline retries, lost values, revocation. */
/** This PC's name in the province's device list (renderer/device/DeviceNameSection.tsx). */
export const deviceNameVi = {
  title: 'Tên máy này',
  label: 'Đổi tên máy (phòng và số máy, ví dụ: Tiếp đón 1)',
  save: 'Lưu tên máy',
  saved: 'Đã đổi tên máy.',
  invalid: 'Tên máy cần từ 1 đến 60 ký tự.',
  offline: 'Không kết nối được máy chủ tỉnh nên chưa đổi được tên máy. Hãy thử lại khi có mạng.',
  failed: 'Máy chủ tỉnh không đổi được tên máy.',
  unknown: 'Chưa biết (cần kết nối máy chủ tỉnh)',
};

export const deviceNameEn: typeof deviceNameVi = {
  title: 'This PC',
  label: 'Rename this PC (room and number, e.g. Reception 1)',
  save: 'Save name',
  saved: 'The PC was renamed.',
  invalid: 'A PC name has 1 to 60 characters.',
  offline: 'The provincial server cannot be reached, so the name was not changed. Try again when online.',
  failed: 'The provincial server could not rename this PC.',
  unknown: 'Unknown (needs the provincial server)',
};

export const syncStateVi = {
  unsentAudit: '{{count}} mục nhật ký truy cập chưa gửi',
  unsentTitle:
    'Hồ sơ: bệnh nhân, lượt khám, chỉ định, kết quả, nhân viên. Nhật ký truy cập: ai đã mở, sửa hồ sơ nào, đăng nhập, đăng xuất.',
  revoked: 'Đã bị thu hồi',
  blocked: 'Đồng bộ bị dừng',
  noConnection: 'Không kết nối được máy chủ tỉnh. Máy sẽ tự thử lại lúc {{time}}.',
  noConnectionSoon: 'Không kết nối được máy chủ tỉnh. Máy đang thử lại…',
  trying: 'Đang đồng bộ…',
  panelUnsentAudit: 'Mục nhật ký truy cập chưa gửi',
  restore: 'Dùng lại giá trị này',
  restoreFailed: 'Không dùng lại được giá trị này: nó không còn hợp lệ theo quy tắc hiện nay. Hãy sửa hồ sơ.',
  lostTitle: 'Giá trị bị ghi đè khi đồng bộ ({{count}})',
  lostEmpty: 'Không có giá trị nào bị ghi đè.',
  lostExplain:
    'Hai máy sửa cùng một thông tin khi mất mạng: giá trị đến máy chủ trước được giữ. Mở hồ sơ để xem và, nếu cần, dùng lại giá trị bị ghi đè.',
  lostRecord: 'Hồ sơ',
  lostVisit: 'lượt khám',
  lostStay: 'đợt điều trị nội trú',
  lostLink: '{{count}} giá trị bị ghi đè khi đồng bộ',
  open: 'Mở hồ sơ',
};

export const syncStateEn: typeof syncStateVi = {
  unsentAudit: '{{count}} audit entries not yet sent',
  unsentTitle:
    'Records: patients, visits, orders, results, staff. Audit trail: who opened or changed which record, logins and logouts.',
  revoked: 'Revoked',
  blocked: 'Sync stopped',
  noConnection: 'Cannot reach the provincial server. This PC will try again at {{time}}.',
  noConnectionSoon: 'Cannot reach the provincial server. Trying again…',
  trying: 'Syncing…',
  panelUnsentAudit: 'Audit entries not yet sent',
  restore: 'Use this value again',
  restoreFailed: 'This value cannot be used again: it breaks a current rule. Edit the record instead.',
  lostTitle: 'Values overwritten by sync ({{count}})',
  lostEmpty: 'No value was overwritten.',
  lostExplain:
    'Two PCs changed the same detail offline: the one that reached the server first was kept. Open the record to compare and, if needed, use the overwritten value again.',
  lostRecord: 'Record',
  lostVisit: 'visit',
  lostStay: 'inpatient stay',
  lostLink: '{{count}} values overwritten by sync',
  open: 'Open record',
};

/** The patient code → internal id link, for roles that read the audit trail. */
export const auditReferenceVi = {
  label: 'Mã nội bộ (tra nhật ký truy cập) của {{code}}:',
};

export const auditReferenceEn: typeof auditReferenceVi = {
  label: 'Internal id (for the access log) of {{code}}:',
};
