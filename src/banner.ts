/** The text `npm start` prints once the twin listens: base URLs, the dashboard, and one curl per API to paste. */
export function readyBanner(url: string, startupMs: number): string {
  return [
    `api-twin ready in ${Math.round(startupMs)} ms`,
    `  Rocket.Chat  ${url}/api/v1/`,
    `  Roam.ai      ${url}/v1/api/`,
    `  Admin        ${url}/__admin/health`,
    `  Dashboard    ${url}/__admin/ui`,
    `  Docs         ${url}/docs/`,
    '',
    'Try:',
    `  curl -X POST ${url}/api/v1/groups.create -H 'X-Auth-Token: RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f' -H 'X-User-Id: rbAXPnMktTFbNpwtJ' -H 'Content-Type: application/json' -d '{"name":"my-group","members":["rocket.cat"]}'`,
    `  curl -X POST ${url}/v1/api/group/ -H 'Api-Key: 289eb8eb262140629664078bec76d60c' -H 'Content-Type: application/json' -d '{"users":["62eb672606f8a0093ab8e3ab"],"description":"my-group"}'`,
  ].join('\n');
}
