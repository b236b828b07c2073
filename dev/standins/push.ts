// The push stand-in: plays the notification service for simulated iOS devices (Find My iPhone
// on). The app posts a notification for a device id; the device's inbox page lists them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readBody, sendJson, type StandinHandler } from './http.ts';

export interface PushRecord {
  id: string;
  deviceId: string;
  deviceName: string;
  title: string;
  body: string;
  createdAt: string;
}

const pushSchema = z.object({
  deviceId: z.string().min(1).max(100),
  deviceName: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(1000),
});

export function createPushStandin() {
  let notifications: PushRecord[] = [];
  const handle: StandinHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    if (url.pathname !== '/_standin/push') return false;
    if (req.method === 'POST') {
      const parsed = pushSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
      if (!parsed.success) {
        sendJson(res, 400, { error: parsed.error.issues[0]?.message });
        return true;
      }
      const record: PushRecord = { id: randomUUID(), ...parsed.data, createdAt: new Date().toISOString() };
      notifications.unshift(record);
      sendJson(res, 201, record);
    } else if (req.method === 'GET') {
      const deviceId = url.searchParams.get('deviceId');
      sendJson(res, 200, { notifications: deviceId ? notifications.filter((n) => n.deviceId === deviceId) : notifications });
    } else if (req.method === 'DELETE') {
      notifications = [];
      sendJson(res, 200, { cleared: true });
    } else {
      sendJson(res, 405, { error: 'method not allowed' });
    }
    return true;
  };
  return { handle, notifications: () => notifications };
}
