-- Schools search the offer for "pesten" most of all; the Dutch stemmer does not split the compound
-- "pestgedrag", so the offer on bullying names the word itself.
UPDATE offering SET description =
    'Landelijk kenniscentrum voor sociale veiligheid. Trainingen voor teams over het sociale klimaat, pesten en pestgedrag '
    || 'en incidentregistratie, een helpdesk voor scholen en handreikingen voor een veiligheidsbeleid.'
WHERE code = 'school-en-veiligheid';
