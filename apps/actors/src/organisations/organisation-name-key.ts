/** A name as people mean it: case and spacing do not make another organisation ("DOGEWO21" = " dogewo21"). */
export const organisationNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
