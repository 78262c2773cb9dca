/** The languages of the pages: Chinese first, English on request. */
export type Lang = 'zh' | 'en';

type Texts = Readonly<Record<string, readonly [zh: string, en: string]>>;

const LABELS: Texts = {
  title: ['快办 · 政务服务网上办事大厅', 'Kuaiban · Government service portal'],
  login: ['登录', 'Log in'],
  logout: ['退出', 'Log out'],
  user: ['用户', 'User'],
  password: ['密码', 'Password'],
  demoUsers: ['演示用户（密码均为 demo）', 'Demo users (password: demo)'],
  switchLang: ['English', '中文'],
  myCases: ['我的办件', 'My cases'],
  apply: ['申请办理', 'Apply'],
  submit: ['提交申请', 'Submit application'],
  materials: ['申报材料', 'Materials'],
  primary: ['主要材料', 'primary'],
  secondary: ['次要材料', 'secondary'],
  tolerable: ['可容缺', 'may be supplied later (容缺)'],
  replaceable: ['可告知承诺替代', 'replaceable by commitment'],
  sharedFrom: ['可共享免提交', 'available by data sharing'],
  useShared: ['由共享数据提供，免予提交', 'provided by data sharing'],
  legalBasis: ['设定依据', 'Legal basis'],
  limits: ['办理时限', 'Time limits'],
  statutory: ['法定', 'statutory'],
  promised: ['承诺', 'promised'],
  workingDays: ['个工作日', 'working days'],
  caseNo: ['办件编号', 'Case'],
  item: ['事项', 'Item'],
  applicant: ['申请人', 'Applicant'],
  state: ['办理状态', 'Status'],
  dueDates: ['期限', 'Due dates'],
  supplementDue: ['补正期限', 'Supplement by'],
  decisionDue: ['办结期限', 'Decision due'],
  issuanceDue: ['发证期限', 'Certificate due'],
  acceptedOn: ['受理日期', 'Accepted on'],
  noticeBy: ['告知期限', 'Notice due by'],
  nextStep: ['下一步', 'Next step'],
  waitingFor: ['等待', 'Waiting for'],
  open: ['查看', 'Open'],
  none: ['暂无', 'None'],
  queue: ['待办件', 'Work queue'],
  overdue: ['已超期', 'Overdue'],
  warning: ['预警', 'Warning'],
  dueSoon: ['临近到期', 'Due soon'],
  allAwaiting: ['全部待办', 'All awaiting me'],
  timeline: ['办理过程（审计记录）', 'Timeline (audit trail)'],
  trailOk: ['审计链校验通过', 'Audit trail verified'],
  trailBroken: ['审计链校验失败', 'Audit trail does not verify'],
  when: ['时间', 'When'],
  who: ['办理人', 'Who'],
  action: ['操作', 'Action'],
  reason: ['理由', 'Reason'],
  after: ['办理后状态', 'State after'],
  oneTimeNotice: ['一次性告知', 'One-time notice'],
  tolerantAcceptance: ['容缺受理', 'Tolerant acceptance (容缺受理)'],
  toleranceOffer: [
    '您的主要材料齐全，仅缺少可容缺的次要材料。您可签署书面承诺，先予受理（容缺受理），在期限内补齐：',
    'Your primary materials are complete; only secondary materials that may be supplied later are missing. You may sign a written commitment and be accepted now (容缺受理), supplying them within the deadline:',
  ],
  supplyWithin: ['补齐期限', 'Supply within'],
  ifLate: ['逾期后果', 'If late'],
  creditRecord: ['并记入信用记录', 'and a credit record is made'],
  basis: ['依据', 'Basis'],
  commitmentText: ['承诺内容', 'Commitment'],
  commitmentDefault: [
    '本人承诺在规定期限内补齐所缺材料，逾期愿承担相应后果。',
    'I undertake to supply the missing materials within the deadline and accept the consequences if late.',
  ],
  signCommitment: ['签署承诺，容缺受理', 'Sign the commitment (容缺受理)'],
  declineTolerance: [
    '不选择容缺，按一般程序补正',
    'Decline; correct by the ordinary route',
  ],
  signedBy: ['承诺人', 'Signed by'],
  signedOn: ['签署日期', 'Signed on'],
  supplyBy: ['请于此日前补齐', 'Supply by'],
  supplement: ['补交材料', 'Supplement materials'],
  supplemented: ['已补交', 'Supplemented'],
  correctionNotice: ['补正告知', 'Correction notice'],
  supplyCorrected: ['提交补正材料', 'Supply corrected materials'],
  preReview: ['预审通过', 'Pre-review passed'],
  checkMaterials: ['材料审查（受理）', 'Check materials (acceptance)'],
  record: ['提交', 'Record'],
  note: ['说明', 'Note'],
  issueNotice: ['出具一次性补正告知', 'Issue the one-time correction notice'],
  problem: ['问题', 'Problem'],
  proposeRefusal: ['提请不予受理', 'Propose refusal'],
  route: ['建议途径', 'Suggested route'],
  reviewOpinion: ['审核意见', 'Review opinion'],
  approve: ['同意', 'Approve'],
  reject: ['不同意', 'Reject'],
  decideApprove: ['准予许可', 'Grant the permit'],
  decideDeny: ['不予许可', 'Deny the permit'],
  denyReason: ['不予许可理由', 'Reasons for denial'],
  issueCertificate: ['制证发证', 'Issue the certificate'],
  certificateNo: ['证书编号', 'Certificate number'],
  rate: ['好差评', 'Rate the service'],
  confirmRefusal: ['确认不予受理', 'Confirm refusal'],
  overruleRefusal: ['驳回不予受理建议', 'Overrule the refusal'],
  withdraw: ['撤回申请', 'Withdraw'],
  decision: ['决定', 'Decision'],
  certificate: ['证书', 'Certificate'],
  refusal: ['不予受理建议', 'Proposed refusal'],
  lapse: ['容缺失效', 'Tolerance lapsed'],
  applicationRoute: ['办理方式', 'Route'],
  standardRoute: ['提交全部证明材料', 'Submit every proof'],
  commitmentRoute: [
    '告知承诺：以书面承诺替代部分证明',
    'Notification-commitment (告知承诺): a written commitment replaces some proofs',
  ],
  commitmentNotice: ['告知承诺书', 'Notification-commitment notice'],
  giveCommitmentNotice: [
    '出具书面告知（逐项确认已告知）',
    'Give the written notice (tick each part given)',
  ],
  'noticePart.item': ['事项名称及设定依据', 'The item and its basis'],
  'noticePart.conditions': ['许可条件', 'The conditions'],
  'noticePart.replacedProofs': [
    '以承诺替代的证明材料',
    'The proofs the commitment replaces',
  ],
  'noticePart.howToCommit': ['承诺方式', 'How to commit'],
  'noticePart.rightToVerify': [
    '行政机关核查权力',
    'The agency’s right to verify',
  ],
  'noticePart.consequences': [
    '承诺不实或未履行的法律责任',
    'The consequences of a false or unkept commitment',
  ],
  chooseCommitment: ['选择告知承诺', 'Choose the commitment route'],
  declineCommitment: [
    '不选择，提交证明材料',
    'Decline; submit the proofs instead',
  ],
  signProofCommitment: ['签署承诺书', 'Sign the commitment'],
  proofCommitmentDefault: [
    '本人已知晓告知的全部内容，承诺符合许可条件，所承诺内容真实，愿承担不实承诺的法律责任。',
    'I have read the whole notice, I meet the conditions, what I commit to is true, and I accept the legal consequences of a false commitment.',
  ],
  decideOnCommitment: [
    '依承诺当场作出准予决定',
    'Decide on the spot on the commitment',
  ],
  replacedProofs: ['以承诺替代', 'Replaced by the commitment'],
  noticeGivenOn: ['告知日期', 'Notice given on'],
  verifyBy: ['核查期限', 'Verification by'],
  nothingToDo: ['当前无需您操作。', 'Nothing for you to do now.'],
  status: ['状态', 'Status'],
  complete: ['齐全', 'complete'],
  missing: ['缺少', 'missing'],
  defective: ['有误', 'defective'],
};

const STATES: Texts = {
  submitted: ['已提交，待预审', 'Submitted, awaiting pre-review'],
  refusalPending: ['不予受理待确认', 'Refusal awaiting confirmation'],
  accepting: ['受理审查中', 'Acceptance check'],
  reviewing: ['审查中', 'In review'],
  deciding: ['待决定', 'Awaiting decision'],
  issuing: ['已批准，待发证', 'Approved, certificate pending'],
  rating: ['待评价', 'Awaiting rating'],
  ratingFollowUp: ['差评整改中', 'Rating follow-up'],
  archived: ['已归档', 'Archived'],
  refused: ['不予受理', 'Refused'],
  denied: ['不予许可', 'Denied'],
  withdrawn: ['已撤回', 'Withdrawn'],
  lapsed: ['容缺失效', 'Lapsed'],
  revoked: ['已撤销', 'Revoked'],
  accepted: ['已受理', 'Accepted'],
  checking: ['材料审查', 'Checking materials'],
  'correction.noticePending': ['待出具补正告知', 'Correction notice pending'],
  'correction.awaitingApplicant': [
    '待申请人补正',
    'Awaiting the applicant’s correction',
  ],
  'tolerance.offered': [
    '可容缺受理，待申请人承诺',
    'Tolerance offered, awaiting commitment',
  ],
  noticing: ['待书面告知', 'Awaiting the written notice'],
  choosing: ['待申请人选择', 'Awaiting the applicant’s choice'],
  signing: ['待签署承诺', 'Awaiting the signed commitment'],
  'granted.verifying': ['已准予，待核查', 'Granted, verification pending'],
  'tolerance.provisional': [
    '容缺受理，待补齐材料',
    'Accepted provisionally, awaiting supplement',
  ],
};

const COMMANDS: Texts = {
  SUBMIT: ['提交申请', 'Submitted'],
  TICK: ['时限检查', 'Deadline check'],
  PRE_REVIEW_PASSED: ['预审通过', 'Pre-review passed'],
  PROPOSE_REFUSAL: ['提请不予受理', 'Refusal proposed'],
  CONFIRM_REFUSAL: ['确认不予受理', 'Refusal confirmed'],
  OVERRULE_REFUSAL: ['驳回不予受理建议', 'Refusal overruled'],
  MATERIALS_CHECKED: ['材料审查', 'Materials checked'],
  ISSUE_NOTICE: ['一次性补正告知', 'Correction notice issued'],
  MATERIALS_SUPPLIED: ['提交补正材料', 'Corrected materials supplied'],
  ACCEPT_TOLERANCE: ['签署容缺承诺', 'Tolerance commitment signed'],
  DECLINE_TOLERANCE: ['不选择容缺', 'Tolerance declined'],
  SUPPLEMENT: ['补交材料', 'Materials supplemented'],
  GIVE_NOTICE: ['告知承诺书面告知', 'Commitment notice given'],
  CHOOSE_COMMITMENT: ['选择告知承诺', 'Commitment route chosen'],
  DECLINE_COMMITMENT: ['不选择告知承诺', 'Commitment route declined'],
  SIGN_COMMITMENT: ['签署承诺书', 'Commitment signed'],
  DECIDE: ['依承诺作出决定', 'Decided on the commitment'],
  REVIEW_OPINION: ['审核意见', 'Review opinion'],
  APPROVE: ['准予许可', 'Approved'],
  DENY: ['不予许可', 'Denied'],
  ISSUE_CERTIFICATE: ['制证发证', 'Certificate issued'],
  RATE: ['好差评', 'Rated'],
  ANSWER_RATING: ['回复评价', 'Rating answered'],
  RECTIFY_RATING: ['整改', 'Rectified'],
  ARCHIVE: ['归档', 'Archived'],
  WITHDRAW: ['撤回申请', 'Withdrawn'],
};

const ROLES: Texts = {
  applicant: ['申请人', 'Applicant'],
  'window-officer': ['窗口受理', 'Window officer'],
  reviewer: ['审核人员', 'Reviewer'],
  'department-approver': ['部门审批', 'Department approver'],
  'lead-department': ['牵头部门', 'Lead department'],
  'agency-head': ['局领导', 'Agency head'],
  supervisor: ['督查', 'Supervisor'],
  system: ['系统时钟', 'System clock'],
};

const CONSEQUENCES: Texts = {
  'revoke-acceptance': ['撤销受理', 'the acceptance is revoked'],
  'deemed-withdrawn': ['视为撤回', 'the application counts as withdrawn'],
  refuse: ['不予许可', 'the permit is refused'],
  terminate: ['终止办理', 'handling ends'],
};

const GRADES: Texts = {
  'very-satisfied': ['非常满意', 'Very satisfied'],
  satisfied: ['满意', 'Satisfied'],
  'basically-satisfied': ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
  'very-dissatisfied': ['非常不满意', 'Very dissatisfied'],
};

const pick = (texts: Texts, key: string, lang: Lang): string => {
  const entry = texts[key];
  return entry ? entry[lang === 'zh' ? 0 : 1] : key;
};

/** A page label in `lang`. */
export const label = (key: string, lang: Lang) => pick(LABELS, key, lang);
/** A case or acceptance state in the officials' words. */
export const stateLabel = (state: string, lang: Lang) =>
  pick(STATES, state, lang);
export const commandLabel = (type: string, lang: Lang) =>
  pick(COMMANDS, type, lang);
export const roleLabel = (role: string, lang: Lang) => pick(ROLES, role, lang);
export const consequenceLabel = (consequence: string, lang: Lang) =>
  pick(CONSEQUENCES, consequence, lang);
export const gradeLabel = (grade: string, lang: Lang) =>
  pick(GRADES, grade, lang);
/** The Chinese or English one of a pair of names. */
export const named = (
  thing: { name: string; nameZh: string },
  lang: Lang,
): string => (lang === 'zh' ? thing.nameZh : thing.name);

/** Punctuation: full-width in Chinese, ASCII with spaces in English. */
export function punctuation(lang: Lang) {
  return lang === 'zh'
    ? {
        colon: '：',
        semicolon: '；',
        comma: '，',
        list: '、',
        open: '（',
        close: '）',
      }
    : {
        colon: ': ',
        semicolon: '; ',
        comma: ', ',
        list: ', ',
        open: ' (',
        close: ')',
      };
}
