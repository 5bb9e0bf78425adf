/* Werkblad: in voorbereiding. */
