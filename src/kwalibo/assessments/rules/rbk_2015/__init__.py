"""Rule set rbk-2015: Regeling bodemkwaliteit (consolidated 2015-01-30) with Circulaire bodemsanering 2013."""
