/* Zelfscan: in voorbereiding. */
