/** 住民のオンライン相談 — the staff side (設定 page, sign-in link): part of the one catalogue in ja.ts. */
export const publicIntakeStrings = {
  nav: 'オンライン相談の設定',
  heading: 'オンライン相談の設定',
  intro: '住民がログインせずに送れる相談フォーム（/soudan）の受付先です。送られた相談は受付先の機関の「受付した相談」と「誰も担当していない相談」に入ります。',
  publicLink: '相談フォームを開く（住民向け）',
  enabled: '住民のオンライン相談を受け付ける',
  enabledHint: 'オフにすると、フォームは「いまは うけつけて いません」と表示し、送信を受け付けません。',
  agency: '受付先の機関',
  agencyHint: '民生委員・児童委員協議会と都道府県は受付先にできません。',
  noAgency: '受付先にできる機関がありません。先に機関管理で機関を登録してください。',
  save: '保存',
  saved: 'オンライン相談の設定を保存しました。',
  conflictReloaded: '他の人が先に保存したため、最新の設定を読み込み直しました。',
  loginLink: 'オンライン相談（どなたでも）',
};
