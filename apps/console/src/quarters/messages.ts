/** Messages of the quarter's size figures and boundary (overview) and of the quarter list's deadline window; spread into de.ts and en.ts. */
export const quarterDetailsGerman = {
  genq_quarter_details: {
    title: 'Quartiersdaten bearbeiten',
    section: 'Größe und Gebietsgrenze',
    intro: 'Größe und Gebietsgrenze des Quartiers. Ein leeres Feld löscht den Wert.',
    edit: 'Quartiersdaten bearbeiten',
    fields: { flats: 'Wohnungen', residents: 'Einwohnerinnen und Einwohner', areaHa: 'Fläche', boundary: 'Gebietsgrenze' },
    labels: {
      flats: 'Wohnungen (Anzahl)',
      residents: 'Einwohnerinnen und Einwohner (Anzahl)',
      areaHa: 'Fläche (ha)',
      boundary: 'Gebietsgrenze (GeoJSON)',
    },
    area_hint: 'In Hektar, z. B. 38,5',
    boundary_hint: 'GeoJSON-Polygon oder -Multipolygon, Koordinaten als [Längengrad, Breitengrad]',
    boundary_polygon: 'Polygon mit %{count} Eckpunkten',
    boundary_multi: 'Multipolygon aus %{count} Flächen',
    not_a_number: 'Bitte eine Zahl eingeben (z. B. 1.850 oder 38,5).',
    not_json: 'Kein gültiges JSON.',
    saved: 'Quartiersdaten gespeichert',
    refused: 'Nicht gespeichert: %{reason}',
    save: 'Speichern',
    cancel: 'Abbrechen',
  },
  genq_quarter_list: {
    next_due_after: 'Nächste Frist ab',
    next_due_before: 'Nächste Frist vor',
    progress: 'Phase und Schritt',
  },
};

export const quarterDetailsEnglish: typeof quarterDetailsGerman = {
  genq_quarter_details: {
    title: 'Edit quarter details',
    section: 'Size and boundary',
    intro: 'Size and boundary of the quarter. An empty field clears the value.',
    edit: 'Edit quarter details',
    fields: { flats: 'Flats', residents: 'Residents', areaHa: 'Area', boundary: 'Boundary' },
    labels: {
      flats: 'Flats (number)',
      residents: 'Residents (number)',
      areaHa: 'Area (ha)',
      boundary: 'Boundary (GeoJSON)',
    },
    area_hint: 'In hectares, e.g. 38.5',
    boundary_hint: 'GeoJSON Polygon or MultiPolygon, coordinates as [longitude, latitude]',
    boundary_polygon: 'Polygon with %{count} vertices',
    boundary_multi: 'MultiPolygon of %{count} areas',
    not_a_number: 'Please enter a number (e.g. 1850 or 38.5).',
    not_json: 'Not valid JSON.',
    saved: 'Quarter details saved',
    refused: 'Not saved: %{reason}',
    save: 'Save',
    cancel: 'Cancel',
  },
  genq_quarter_list: {
    next_due_after: 'Next deadline from',
    next_due_before: 'Next deadline before',
    progress: 'Phase and step',
  },
};
