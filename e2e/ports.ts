// The end-to-end run's own ports, apart from `npm start`'s (3000, 4010, 2525).
export const E2E_PORTS = { app: 3100, http: 4110, smtp: 2625 };
