/** The words of updates from the province: the shell's quiet notice. */
export const updatesVi = {
  available: 'Có phiên bản mới {{version}}',
  browserHint:
    'Tỉnh đã phát hành phiên bản {{version}} cho cơ sở này (máy đang chạy {{running}}). Bản chạy trên trình duyệt được cập nhật khi quản trị cập nhật máy chủ; hãy tải lại trang sau đó.',
  desktopHint:
    'Tỉnh đã phát hành phiên bản {{version}} cho cơ sở này (máy đang chạy {{running}}). Máy tải về khi rảnh và hỏi trước khi cài, không bao giờ khi đang mở phiếu khám.',
};

export const updatesEn: typeof updatesVi = {
  available: 'New version {{version}} available',
  browserHint:
    'The province released version {{version}} for this facility (this PC runs {{running}}). The browser build is updated when the admin updates the server; reload the page then.',
  desktopHint:
    'The province released version {{version}} for this facility (this PC runs {{running}}). The PC downloads it in the background and asks before installing, never while a visit form is open.',
};
