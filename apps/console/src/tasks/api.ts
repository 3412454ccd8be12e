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

/** After a step's deliverable was recorded: how long and how often the tasks are renewed. */
const FOLLOW_MS = 90_000;
const FOLLOW_EVERY_MS = 3_000;
let following: ReturnType<typeof setInterval> | undefined;
const idsOf = (list?: TaskList) => (list ? list.data.map((t) => t.id).join('|') : '');

/**
 * A deliverable that completes a step was recorded: the process completes the step from the
 * event stream and the read model follows, so the task leaves the list a moment later. Renews
 * the tasks every few seconds until the list changed (or a while passed), so the menu's count
 * and "Meine Aufgaben" show the next task without waiting for the minute's renewal.
 */
export function followTasks(): void {
  const before = idsOf(state.list);
  const until = Date.now() + FOLLOW_MS;
  if (following) clearInterval(following);
  const timer = setInterval(() => {
    void reloadTasks().then(() => {
      if (idsOf(state.list) === before && Date.now() < until) return;
      clearInterval(timer);
      if (following === timer) following = undefined;
    });
  }, FOLLOW_EVERY_MS);
  following = timer;
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
