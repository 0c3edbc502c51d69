/** The words of honest sync state: what is unsent, offline retries, lost values, revocation. */
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
};
