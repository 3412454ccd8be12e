import { useEffect, useSyncExternalStore } from 'react';
import type { TaskDto, TaskList } from '@genq/contracts';
import { useLocation } from 'react-admin';
import { api, data } from '../providers/apiClient';

export type { TaskDto, TaskList };

export const fetchTasks = (): Promise<TaskList> => data(api.GET('/api/tasks'));

/** How often the menu's counts are renewed while the console is open. */
const REFRESH_MS = 60_000;

interface TasksState {
  list?: TaskList;
  failed: boolean;
}

/** One copy of the caller's tasks for the menu and the page, so their counts agree. */
let state: TasksState = { failed: false };
const listeners = new Set<() => void>();
let inFlight: Promise<void> | undefined;

export function reloadTasks(): Promise<void> {
  inFlight ??= fetchTasks()
    .then((list) => {
      state = { list, failed: false };
    })
    .catch(() => {
      state = { ...state, failed: true };
    })
    .finally(() => {
      inFlight = undefined;
      listeners.forEach((l) => l());
    });
  return inFlight;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The caller's tasks, renewed on every page change (a task done elsewhere disappears) and every minute. */
export function useTasks(): TasksState {
  const { pathname } = useLocation();
  useEffect(() => {
    void reloadTasks();
  }, [pathname]);
  useEffect(() => {
    const timer = setInterval(() => void reloadTasks(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return useSyncExternalStore(subscribe, () => state);
}

/** Where the form that completes a task is: the quarter's tab. */
export const taskPath = (t: Pick<TaskDto, 'quarterId' | 'tab'>): string => `/quarters/${t.quarterId}/show${t.tab === 'overview' ? '' : `/${t.tab}`}`;
