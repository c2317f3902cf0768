/**
 * The demo organisation `npm start` seeds: a few nested teams and a dozen people with managers,
 * roles and accounts (all with TRELLIS_DEMO_PASSWORD; README lists them, for local demos only).
 */
export const demoOrganisation = {
  slug: 'demo',
  name: 'Northwind Delivery (demo)',
  teams: [
    { path: 'Delivery' },
    { path: 'Delivery/PMO' },
    { path: 'Delivery/Projects' },
    { path: 'Business Change' },
    { path: 'Technology' },
  ],
  people: [
    { name: 'Asha Patel', email: 'asha.patel@demo.example', jobTitle: 'Head of PMO', team: 'Delivery', manager: null, role: 'head-of-pmo', accessRole: 'admin', startDate: '2017-03-01' },
    { name: 'Ben Okafor', email: 'ben.okafor@demo.example', jobTitle: 'PMO Manager', team: 'Delivery/PMO', manager: 'asha.patel@demo.example', role: 'pmo-manager', accessRole: 'employee', startDate: '2019-06-17' },
    { name: 'Chloe Martin', email: 'chloe.martin@demo.example', jobTitle: 'Senior PMO Analyst', team: 'Delivery/PMO', manager: 'ben.okafor@demo.example', role: 'senior-pmo-analyst', accessRole: 'employee', startDate: '2020-01-06' },
    { name: 'Dan Kowalski', email: 'dan.kowalski@demo.example', jobTitle: 'PMO Analyst', team: 'Delivery/PMO', manager: 'ben.okafor@demo.example', role: 'pmo-analyst', accessRole: 'employee', startDate: '2022-09-12' },
    { name: 'Ella Nguyen', email: 'ella.nguyen@demo.example', jobTitle: 'PMO Coordinator', team: 'Delivery/PMO', manager: 'chloe.martin@demo.example', role: 'pmo-administrator', accessRole: 'employee', startDate: '2024-02-05' },
    { name: 'Farid Haddad', email: 'farid.haddad@demo.example', jobTitle: 'Programme Manager', team: 'Delivery', manager: 'asha.patel@demo.example', role: 'programme-manager', accessRole: 'leadership', startDate: '2018-11-19' },
    { name: 'Grace Liu', email: 'grace.liu@demo.example', jobTitle: 'Senior Project Manager', team: 'Delivery/Projects', manager: 'farid.haddad@demo.example', role: 'senior-project-manager', accessRole: 'employee', startDate: '2019-04-01' },
    { name: 'Hugo Silva', email: 'hugo.silva@demo.example', jobTitle: 'Project Manager', team: 'Delivery/Projects', manager: 'grace.liu@demo.example', role: 'project-manager', accessRole: 'employee', startDate: '2021-07-05' },
    { name: 'Isla Brown', email: 'isla.brown@demo.example', jobTitle: 'Project Coordinator', team: 'Delivery/Projects', manager: 'grace.liu@demo.example', role: 'project-coordinator', accessRole: 'employee', startDate: '2023-03-13' },
    { name: 'Jack Wilson', email: 'jack.wilson@demo.example', jobTitle: 'Project Support Officer', team: 'Delivery/Projects', manager: 'hugo.silva@demo.example', role: 'project-support-officer', accessRole: 'employee', startDate: '2025-01-20' },
    { name: 'Kemi Adeyemi', email: 'kemi.adeyemi@demo.example', jobTitle: 'Business Analyst', team: 'Business Change', manager: 'farid.haddad@demo.example', role: 'business-analyst', accessRole: 'employee', startDate: '2022-05-09' },
    { name: 'Leo Fischer', email: 'leo.fischer@demo.example', jobTitle: 'Agile Delivery Manager', team: 'Technology', manager: 'farid.haddad@demo.example', role: 'agile-delivery-manager', accessRole: 'employee', startDate: '2021-10-18' },
  ],
} as const;
