import { ROLES } from '@kuaiban/machines';
import { z } from 'zod';

/** A user of the demo portal: who, in which role, with a demo password. */
export const PortalUserSchema = z.strictObject({
  id: z.string().min(1),
  role: z.enum(ROLES).exclude(['system']),
  name: z.string().min(1),
  nameZh: z.string().min(1),
  password: z.string().min(1),
});
export type PortalUser = z.infer<typeof PortalUserSchema>;

/** The demo users: two applicants and one officer of each staff role. */
export const demoUsers: readonly PortalUser[] = [
  {
    id: 'bakery',
    role: 'applicant',
    name: 'Golden Wheat Bakery',
    nameZh: '金麦烘焙坊',
    password: 'demo',
  },
  {
    id: 'noodle-shop',
    role: 'applicant',
    name: 'Lanzhou Noodle Shop',
    nameZh: '兰州拉面馆',
    password: 'demo',
  },
  {
    id: 'officer-chen',
    role: 'window-officer',
    name: 'Chen (window officer)',
    nameZh: '陈（窗口受理）',
    password: 'demo',
  },
  {
    id: 'reviewer-li',
    role: 'reviewer',
    name: 'Li (reviewer)',
    nameZh: '李（审核）',
    password: 'demo',
  },
  {
    id: 'head-wang',
    role: 'agency-head',
    name: 'Wang (agency head)',
    nameZh: '王（局领导）',
    password: 'demo',
  },
  {
    id: 'supervisor-zhao',
    role: 'supervisor',
    name: 'Zhao (supervisor)',
    nameZh: '赵（督查）',
    password: 'demo',
  },
];
