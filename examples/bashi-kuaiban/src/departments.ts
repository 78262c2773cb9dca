/**
 * The county departments and service providers of the 八事快办 chain, as
 * seeds/002 item 50 names them (县行政审批局、工信局牵头, 市场监管局、住建局、
 * 发改局、自然资源局、税务局、金融办、法院 …), plus the utilities and banks
 * that handle the connection and credit links.
 */
export const DEPARTMENTS = {
  approval: {
    id: 'administrative-approval-bureau',
    name: 'County administrative approval bureau',
    nameZh: '县行政审批服务局',
  },
  market: {
    id: 'market-regulation',
    name: 'County market regulation bureau',
    nameZh: '县市场监督管理局',
  },
  police: {
    id: 'public-security',
    name: 'County public security bureau',
    nameZh: '县公安局',
  },
  tax: {
    id: 'taxation',
    name: 'County taxation bureau',
    nameZh: '国家税务总局县税务局',
  },
  socialSecurity: {
    id: 'human-resources-social-security',
    name: 'County human resources and social security bureau',
    nameZh: '县人力资源和社会保障局',
  },
  developmentReform: {
    id: 'development-reform',
    name: 'County development and reform bureau',
    nameZh: '县发展和改革局',
  },
  naturalResources: {
    id: 'natural-resources',
    name: 'County natural resources bureau',
    nameZh: '县自然资源局',
  },
  housing: {
    id: 'housing-construction',
    name: 'County housing and urban-rural development bureau',
    nameZh: '县住房和城乡建设局',
  },
  fire: {
    id: 'fire-design-review',
    name: 'Fire protection design review (housing bureau)',
    nameZh: '消防设计审查（住建）',
  },
  civilDefence: {
    id: 'civil-air-defence',
    name: 'County civil air defence office',
    nameZh: '县人民防空办公室',
  },
  archives: {
    id: 'urban-construction-archives',
    name: 'Urban construction archives',
    nameZh: '县城建档案馆',
  },
  cityManagement: {
    id: 'city-management',
    name: 'County city management bureau',
    nameZh: '县城市管理局',
  },
  traffic: {
    id: 'traffic-police',
    name: 'Traffic police brigade',
    nameZh: '县公安局交警大队',
  },
  landRegistry: {
    id: 'real-estate-registration-centre',
    name: 'Real estate registration centre',
    nameZh: '县不动产登记中心',
  },
  power: {
    id: 'power-supply-company',
    name: 'State Grid county power supply company',
    nameZh: '国网县供电公司',
  },
  water: {
    id: 'water-supply-company',
    name: 'County water supply company',
    nameZh: '县供水公司',
  },
  gas: {
    id: 'gas-company',
    name: 'County gas company',
    nameZh: '县燃气公司',
  },
  finance: {
    id: 'financial-affairs-office',
    name: 'County financial affairs office',
    nameZh: '县金融办',
  },
  bank: {
    id: 'partner-bank',
    name: 'Partner bank (rural credit cooperative)',
    nameZh: '合作银行（县农村信用合作联社）',
  },
  guarantee: {
    id: 'government-guarantee-agency',
    name: 'Government financing guarantee agency',
    nameZh: '政府性融资担保机构',
  },
  court: {
    id: 'county-court',
    name: 'County people’s court',
    nameZh: '县人民法院',
  },
} as const;

export type DepartmentKey = keyof typeof DEPARTMENTS;
