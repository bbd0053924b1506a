// The role × route matrix: every route of the binary (`motcua routes`) is one line of kMatrix with the outcome
// expected for each kind of caller, and is requested by each of them over HTTP. A route missing from the table, or
// a line naming a route that no longer exists, fails the test, so a new route cannot ship without a decision.
//
// Outcomes: O = allowed (2xx, a redirect that is not to /dang-nhap, or a validation answer 400/404/409/422),
// S = sign in first (303 to /dang-nhap, or 401 on /api), F = forbidden (403).
// POSTs carry the caller's own valid CSRF token and an empty or harmless body: an allowed caller gets past the
// guard to the handler's validation, a refused one is stopped before it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Browser, kDemoLogins, kDemoPassword, listRoutes, signedIn } from '../lib/client.mjs';
import { multipart } from '../lib/filing.mjs';
import { startServer } from '../lib/server.mjs';

const kProcedure = '1.001193';

// Columns, in the order of every outcome string below.
const kPrincipals = [
  ['anonymous', null],
  ['citizen', kDemoLogins.citizen],
  ['representative', kDemoLogins.representative],
  ['desk officer, commune', kDemoLogins.deskCommune],
  ['desk officer, district', kDemoLogins.deskDistrict],
  ['specialist', kDemoLogins.specialist],
  ['section head', kDemoLogins.sectionHead],
  ['agency head', kDemoLogins.agencyHead],
  ['clerk', kDemoLogins.clerk],
  ['agency admin', kDemoLogins.agencyAdmin],
  ['system admin', kDemoLogins.systemAdmin],
  ['statistics viewer', kDemoLogins.statistics],
];

// [method, pattern, sample path ({name} = an id looked up in before()), outcomes, options]
// options: body (form fields), endsSession (run last, each time on a fresh session), multipart (an upload route: the
// POST is multipart/form-data with the CSRF field and no file).
//                                                                                      anon
//                                                                                      | citizen
//                                                                                      | | representative
//                                                                                      | | | desk commune
//                                                                                      | | | | desk district
//                                                                                      | | | | | specialist
//                                                                                      | | | | | | section head
//                                                                                      | | | | | | | agency head
//                                                                                      | | | | | | | | clerk
//                                                                                      | | | | | | | | | agency admin
//                                                                                      | | | | | | | | | | system admin
//                                                                                      | | | | | | | | | | | statistics
const kMatrix = [
  ['GET', '/', '/', '                                                                    O O O O O O O O O O O O'],
  ['GET', '/thu-tuc', '/thu-tuc?q=khai+sinh', '                                          O O O O O O O O O O O O'],
  ['GET', '/thu-tuc/{code}', `/thu-tuc/${kProcedure}`, '                                 O O O O O O O O O O O O'],
  ['GET', '/thu-tuc/{code}/mau/{form}', '{formPath}', '                                  O O O O O O O O O O O O'],
  ['GET', '/linh-vuc', '/linh-vuc', '                                                    O O O O O O O O O O O O'],
  ['GET', '/co-quan', '/co-quan', '                                                      O O O O O O O O O O O O'],
  ['GET', '/co-quan/{code}', '/co-quan/000.00.01.H40', '                                 O O O O O O O O O O O O'],
  ['GET', '/thong-ke', '/thong-ke', '                                                    O O O O O O O O O O O O'],
  // Filing (issue 9): only a person with a personal ID files; an officer's account gets a page saying so (403). The
  // draft pages need a signed-in caller and answer 404 to anyone but the draft's owner (987654 is nobody's).
  ['GET', '/nop-ho-so/{code}', `/nop-ho-so/${kProcedure}`, '                             S O O F F F F F F F F F'],
  ['POST', '/nop-ho-so/{code}', `/nop-ho-so/${kProcedure}`, '                            S O O F F F F F F F F F'],
  ['GET', '/ho-so/{id}/danh-sach', '/ho-so/987654/danh-sach', '                          S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/trang/{page}', '/ho-so/987654/trang/nguoi-nop', '                 S O O O O O O O O O O O'],
  ['POST', '/ho-so/{id}/trang/{page}', '/ho-so/987654/trang/nguoi-nop', '                S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/giay-to', '/ho-so/987654/giay-to', '                              S O O O O O O O O O O O'],
  ['POST', '/ho-so/{id}/giay-to', '/ho-so/987654/giay-to', '                             S O O O O O O O O O O O',
    { multipart: true }],
  ['POST', '/ho-so/{id}/giay-to/{file}/xoa', '/ho-so/987654/giay-to/1/xoa', '            S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/kiem-tra', '/ho-so/987654/kiem-tra', '                            S O O O O O O O O O O O'],
  ['POST', '/ho-so/{id}/nop', '/ho-so/987654/nop', '                                     S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/da-nop', '/ho-so/987654/da-nop', '                                S O O O O O O O O O O O'],
  ['GET', '/tra-cuu', '/tra-cuu', '                                                      O O O O O O O O O O O O'],
  ['POST', '/tra-cuu', '/tra-cuu', '                                                     O O O O O O O O O O O O'],
  ['GET', '/tro-giup/kha-nang-tiep-can', '/tro-giup/kha-nang-tiep-can', '                O O O O O O O O O O O O'],
  ['GET', '/dang-nhap', '/dang-nhap', '                                                  O O O O O O O O O O O O'],
  ['POST', '/dang-nhap', '/dang-nhap', '                                                 O O O O O O O O O O O O'],
  ['POST', '/dang-xuat', '/dang-xuat', '                                                 S O O O O O O O O O O O',
    { endsSession: true }],
  ['GET', '/dang-ky', '/dang-ky', '                                                      O O O O O O O O O O O O'],
  ['POST', '/dang-ky', '/dang-ky', '                                                     O O O O O O O O O O O O'],
  ['POST', '/dang-ky/xac-nhan', '/dang-ky/xac-nhan', '                                   O O O O O O O O O O O O'],
  ['POST', '/dang-ky/gui-lai', '/dang-ky/gui-lai', '                                     O O O O O O O O O O O O'],
  ['POST', '/dang-ky/sua', '/dang-ky/sua', '                                             O O O O O O O O O O O O'],
  ['GET', '/quen-mat-khau', '/quen-mat-khau', '                                          O O O O O O O O O O O O'],
  ['POST', '/quen-mat-khau', '/quen-mat-khau', '                                         O O O O O O O O O O O O'],
  ['GET', '/dat-lai-mat-khau', '/dat-lai-mat-khau', '                                    O O O O O O O O O O O O'],
  ['POST', '/dat-lai-mat-khau', '/dat-lai-mat-khau', '                                   O O O O O O O O O O O O'],
  ['GET', '/tai-khoan', '/tai-khoan', '                                                  S O O O O O O O O O O O'],
  ['GET', '/tai-khoan/mat-khau', '/tai-khoan/mat-khau', '                                S O O O O O O O O O O O'],
  ['POST', '/tai-khoan/mat-khau', '/tai-khoan/mat-khau', '                               S O O O O O O O O O O O'],
  ['POST', '/tai-khoan/phien/thu-hoi', '/tai-khoan/phien/thu-hoi', '                     S O O O O O O O O O O O'],
  ['POST', '/tai-khoan/dang-xuat-tat-ca', '/tai-khoan/dang-xuat-tat-ca', '               S O O O O O O O O O O O',
    { endsSession: true }],
  ['GET', '/tai-khoan/to-chuc/moi', '/tai-khoan/to-chuc/moi', '                          S O O F F F F F F F F F'],
  ['POST', '/tai-khoan/to-chuc/moi', '/tai-khoan/to-chuc/moi', '                         S O O F F F F F F F F F'],
  ['GET', '/tai-khoan/to-chuc/{id}', '/tai-khoan/to-chuc/{organisation}', '              S O O F F F F F F F F F'],
  ['GET', '/ho-so-cua-toi', '/ho-so-cua-toi', '                                          S O O F F F F F F F F F'],
  ['GET', '/ho-so/{id}', '/ho-so/987654', '                                              S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/tep/{file}', '/ho-so/987654/tep/987654', '                        S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/rut', '/ho-so/987654/rut', '                                      S O O F F F F F F F F F'],
  ['POST', '/ho-so/{id}/rut', '/ho-so/987654/rut', '                                     S O O F F F F F F F F F'],
  ['GET', '/ho-so/{id}/bien-nhan', '/ho-so/987654/bien-nhan', '                          S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/bien-nhan.pdf', '/ho-so/987654/bien-nhan.pdf', '                  S O O O O O O O O O O O'],
  // The applicant's copy of forms 01, 02 and 04 (issue 10): the owner only, 404 for anyone else.
  ['GET', '/ho-so/{id}/mau/01.pdf', '/ho-so/987654/mau/01.pdf', '                       S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/mau/02.pdf', '/ho-so/987654/mau/02.pdf', '                       S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/mau/04.pdf', '/ho-so/987654/mau/04.pdf', '                       S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/mau/03.pdf', '/ho-so/987654/mau/03.pdf', '                       S O O O O O O O O O O O'],
  ['GET', '/ho-so/{id}/huong-dan', '/ho-so/987654/huong-dan', '                          S O O F F F F F F F F F'],
  ['POST', '/ho-so/{id}/huong-dan', '/ho-so/987654/huong-dan', '                         S O O F F F F F F F F F'],
  ['POST', '/ho-so/{id}/huong-dan/ket-thuc', '/ho-so/987654/huong-dan/ket-thuc', '       S O O F F F F F F F F F'],
  ['GET', '/dang-nhap/vneid', '/dang-nhap/vneid', '                                      O O O O O O O O O O O O'],
  ['GET', '/dang-nhap/vneid/ket-qua', '/dang-nhap/vneid/ket-qua', '                      O O O O O O O O O O O O'],
  ['GET', '/dang-nhap/vneid/mo-phong', '/dang-nhap/vneid/mo-phong?state=s&nonce=n', '    O O O O O O O O O O O O'],
  ['POST', '/dang-nhap/vneid/mo-phong', '/dang-nhap/vneid/mo-phong', '                   O O O O O O O O O O O O'],
  ['GET', '/hop-thu-thu-nghiem', '/hop-thu-thu-nghiem', '                                O O O O O O O O O O O O'],
  ['GET', '/can-bo', '/can-bo', '                                                        S F F O O O O O O O O O'],
  // Printed forms 01–05 of a dossier and the logbook (form 06) as PDF and XLSX (issue 10): officers; a dossier the
  // officer may not see is 404.
  ['GET', '/can-bo/ho-so/{code}/mau/01.pdf', '/can-bo/ho-so/000.00.00.H40-000000-0000/mau/01.pdf', ' S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}/mau/02.pdf', '/can-bo/ho-so/000.00.00.H40-000000-0000/mau/02.pdf', ' S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}/mau/03.pdf', '/can-bo/ho-so/000.00.00.H40-000000-0000/mau/03.pdf', ' S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}/mau/04.pdf', '/can-bo/ho-so/000.00.00.H40-000000-0000/mau/04.pdf', ' S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}/mau/05.pdf', '/can-bo/ho-so/000.00.00.H40-000000-0000/mau/05.pdf', ' S F F O O O O O O O O O'],
  ['GET', '/can-bo/so-theo-doi', '/can-bo/so-theo-doi', '                               S F F O O O O O O O O O'],
  ['GET', '/can-bo/so-theo-doi.pdf', '/can-bo/so-theo-doi.pdf', '                       S F F O O O O O O O O O'],
  ['GET', '/can-bo/so-theo-doi.xlsx', '/can-bo/so-theo-doi.xlsx', '                     S F F O O O O O O O O O'],
  ['GET', '/can-bo/cong-dan', '/can-bo/cong-dan', '                                      S F F O O F F F F F O F'],
  ['POST', '/can-bo/cong-dan', '/can-bo/cong-dan', '                                     S F F O O F F F F F O F'],
  ['GET', '/can-bo/cong-dan/moi', '/can-bo/cong-dan/moi', '                              S F F O O F F F F F O F'],
  ['POST', '/can-bo/cong-dan/moi', '/can-bo/cong-dan/moi', '                             S F F O O F F F F F O F'],
  ['GET', '/can-bo/cong-dan/{id}', '/can-bo/cong-dan/{citizen}', '                       S F F O O F F F F F O F'],
  ['GET', '/can-bo/cong-dan/{id}/ma', '/can-bo/cong-dan/{citizen}/ma', '                 S F F O O F F F F F O F'],
  ['POST', '/can-bo/cong-dan/{id}/ma', '/can-bo/cong-dan/{citizen}/ma', '                S F F O O F F F F F O F'],
  ['GET', '/can-bo/huong-dan', '/can-bo/huong-dan', '                                    S F F O O F F F F F O F'],
  ['POST', '/can-bo/huong-dan', '/can-bo/huong-dan', '                                   S F F O O F F F F F O F'],
  ['GET', '/can-bo/huong-dan/{id}', '/can-bo/huong-dan/987654', '                        S F F O O F F F F F O F'],
  ['GET', '/can-bo/ma-so-thue', '/can-bo/ma-so-thue', '                                  S F F O O F F F F F O F'],
  ['GET', '/can-bo/ma-so-thue/{id}', '/can-bo/ma-so-thue/987654', '                      S F F O O F F F F F O F'],
  ['POST', '/can-bo/ma-so-thue/{id}', '/can-bo/ma-so-thue/987654', '                     S F F O O F F F F F O F'],
  // The back office (issue 10): any officer opens the inbox and a dossier's page (a code nobody has: 404); counter
  // intake is the desk's. The citizen's supplement page and result download answer 404 for a dossier of nobody.
  ['GET', '/can-bo/hop-thu', '/can-bo/hop-thu', '                                        S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}', '/can-bo/ho-so/000.05.31.H40-260101-9999', '           S F F O O O O O O O O O'],
  ['POST', '/can-bo/ho-so/{code}/xu-ly', '/can-bo/ho-so/000.05.31.H40-260101-9999/xu-ly', 'S F F O O O O O O O O O'],
  ['GET', '/can-bo/ho-so/{code}/ket-qua', '/can-bo/ho-so/000.05.31.H40-260101-9999/ket-qua', 'S F F O O O O O O O O O'],
  ['POST', '/can-bo/ho-so/{code}/ket-qua', '/can-bo/ho-so/000.05.31.H40-260101-9999/ket-qua',
    'S F F O O O O O O O O O', { multipart: true }],
  ['GET', '/can-bo/tiep-nhan-tai-quay', '/can-bo/tiep-nhan-tai-quay', '                    S F F O O F F F F F O F'],
  ['POST', '/can-bo/tiep-nhan-tai-quay', '/can-bo/tiep-nhan-tai-quay', '                   S F F O O F F F F F O F'],
  ['GET', '/can-bo/tiep-nhan-tai-quay/{citizen}', '/can-bo/tiep-nhan-tai-quay/{citizen}', ' S F F O O F F F F F O F'],
  ['GET', '/can-bo/tiep-nhan-tai-quay/{citizen}/{procedure}', `/can-bo/tiep-nhan-tai-quay/{citizen}/${kProcedure}`,
    'S F F O O F F F F F O F'],
  ['POST', '/can-bo/tiep-nhan-tai-quay/{citizen}/{procedure}', `/can-bo/tiep-nhan-tai-quay/{citizen}/${kProcedure}`,
    'S F F O O F F F F F O F', { multipart: true }],
  ['GET', '/ho-so/{id}/bo-sung', '/ho-so/987654/bo-sung', '                              S O O F F F F F F F F F'],
  ['POST', '/ho-so/{id}/bo-sung', '/ho-so/987654/bo-sung', '                             S O O F F F F F F F F F',
    { multipart: true }],
  ['GET', '/ho-so/{id}/ket-qua', '/ho-so/987654/ket-qua', '                              S O O O O O O O O O O O'],
  ['GET', '/quan-tri', '/quan-tri', '                                                    S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo', '/quan-tri/can-bo', '                                      S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/moi', '/quan-tri/can-bo/moi', '                              S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/moi', '/quan-tri/can-bo/moi', '                             S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/{id}', '/quan-tri/can-bo/{officer}', '                       S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/vai-tro', '/quan-tri/can-bo/{officer}/vai-tro', '      S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/{id}/vai-tro/xoa',
    '/quan-tri/can-bo/{officer}/vai-tro/xoa?vai_tro=desk_officer&co_quan=000.00.31.H40',
    '                                                                                    S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/vai-tro/xoa', '/quan-tri/can-bo/{officer}/vai-tro/xoa', 'S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/{id}/trang-thai', '/quan-tri/can-bo/{officer}/trang-thai', '   S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/trang-thai', '/quan-tri/can-bo/{officer}/trang-thai', '  S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/{id}/mat-khau', '/quan-tri/can-bo/{officer}/mat-khau', '     S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/mat-khau', '/quan-tri/can-bo/{officer}/mat-khau', '    S F F F F F F F F O O F'],
  ['GET', '/quan-tri/can-bo/{id}/phien/thu-hoi', '/quan-tri/can-bo/{officer}/phien/thu-hoi', ' S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/phien/thu-hoi', '/quan-tri/can-bo/{officer}/phien/thu-hoi', 'S F F F F F F F F O O F'],
  ['POST', '/quan-tri/can-bo/{id}/token', '/quan-tri/can-bo/{officer}/token', '          S F F F F F F F F O O F'],
  ['GET', '/quan-tri/token/{id}/thu-hoi', '/quan-tri/token/{token}/thu-hoi', '            S F F F F F F F F O O F'],
  ['POST', '/quan-tri/token/{id}/thu-hoi', '/quan-tri/token/{token}/thu-hoi', '           S F F F F F F F F O O F'],
  ['GET', '/quan-tri/bieu-mau/{procedure}', `/quan-tri/bieu-mau/${kProcedure}`, '        S F F F F F F F F F O F'],
  ['POST', '/quan-tri/bieu-mau/{procedure}', `/quan-tri/bieu-mau/${kProcedure}`, '       S F F F F F F F F F O F'],
  // The working-day calendar (issue 10): administrators see it and set their agencies' hours; only system
  // administrators change days.
  ['GET', '/quan-tri/lich-lam-viec', '/quan-tri/lich-lam-viec?nam=2026', '                S F F F F F F F F O O F'],
  ['POST', '/quan-tri/lich-lam-viec/ngay', '/quan-tri/lich-lam-viec/ngay', '             S F F F F F F F F F O F'],
  ['POST', '/quan-tri/lich-lam-viec/ngay/xoa', '/quan-tri/lich-lam-viec/ngay/xoa', '     S F F F F F F F F F O F'],
  ['POST', '/quan-tri/lich-lam-viec/gio', '/quan-tri/lich-lam-viec/gio', '               S F F F F F F F F O O F'],
  ['GET', '/quan-tri/quy-trinh', '/quan-tri/quy-trinh', '                                S F F F F F F F F F O F'],
  ['POST', '/quan-tri/quy-trinh', '/quan-tri/quy-trinh', '                               S F F F F F F F F F O F'],
  ['GET', '/quan-tri/quy-trinh/{key}', '/quan-tri/quy-trinh/default:commune', '             S F F F F F F F F F O F'],
  ['POST', '/quan-tri/quy-trinh/{key}', '/quan-tri/quy-trinh/default:commune', '            S F F F F F F F F F O F'],
  ['GET', '/quan-tri/phien', '/quan-tri/phien', '                                        S F F F F F F F F F O F'],
  ['GET', '/quan-tri/nhat-ky', '/quan-tri/nhat-ky', '                                    S F F F F F F F F F O F'],
  ['POST', '/quan-tri/nhat-ky', '/quan-tri/nhat-ky', '                                   S F F F F F F F F F O F'],
  ['GET', '/quan-tri/tin-nhan-chua-gui', '/quan-tri/tin-nhan-chua-gui', '                S F F F F F F F F F O F'],
  ['POST', '/quan-tri/tin-nhan-chua-gui/{id}/gui-lai', '/quan-tri/tin-nhan-chua-gui/987654/gui-lai',
    '                                                                                    S F F F F F F F F F O F'],
  ['GET', '/api/v1/procedures', '/api/v1/procedures?q=khai+sinh', '                      O O O O O O O O O O O O'],
  ['GET', '/api/v1/procedures/{code}', `/api/v1/procedures/${kProcedure}`, '             O O O O O O O O O O O O'],
  ['GET', '/api/v1/fields', '/api/v1/fields', '                                          O O O O O O O O O O O O'],
  ['GET', '/api/v1/agencies', '/api/v1/agencies', '                                      O O O O O O O O O O O O'],
  ['GET', '/api/v1/admin-units', '/api/v1/admin-units', '                                O O O O O O O O O O O O'],
  ['GET', '/api/openapi.json', '/api/openapi.json', '                                    O O O O O O O O O O O O'],
  // The API takes bearer tokens only: a session cookie, whoever's, never authorises it.
  ['GET', '/api/v1/me', '/api/v1/me', '                                                  S S S S S S S S S S S S'],
  ['GET', '/api/v1/procedures/{code}/form', `/api/v1/procedures/${kProcedure}/form`, '   O O O O O O O O O O O O'],
  ['GET', '/api/v1/dossiers', '/api/v1/dossiers', '                                      S S S S S S S S S S S S'],
  ['POST', '/api/v1/dossiers', '/api/v1/dossiers', '                                     S S S S S S S S S S S S'],
  ['GET', '/api/v1/dossiers/{id}', '/api/v1/dossiers/987654', '                            S S S S S S S S S S S S'],
  ['PATCH', '/api/v1/dossiers/{id}', '/api/v1/dossiers/987654', '                          S S S S S S S S S S S S'],
  // A multipart route: anything else is 415 before the guard, so the line posts a (small) multipart body.
  ['POST', '/api/v1/dossiers/{id}/documents/{document}', '/api/v1/dossiers/987654/documents/giay_to_1',
    '                                                                                    S S S S S S S S S S S S',
    { multipart: true }],
  ['POST', '/api/v1/dossiers/{id}/submit', '/api/v1/dossiers/987654/submit', '             S S S S S S S S S S S S'],
  ['POST', '/api/v1/dossiers/{id}/withdraw', '/api/v1/dossiers/987654/withdraw', '         S S S S S S S S S S S S'],
  // The back office (issue 10): officers' tokens for the inbox and actions; the applicant's for a supplement.
  ['GET', '/api/v1/inbox', '/api/v1/inbox?queue=mine', '                                 S S S S S S S S S S S S'],
  ['POST', '/api/v1/dossiers/{id}/actions', '/api/v1/dossiers/987654/actions', '         S S S S S S S S S S S S'],
  ['GET', '/api/v1/dossiers/{id}/result', '/api/v1/dossiers/987654/result', '            S S S S S S S S S S S S'],
  ['POST', '/api/v1/dossiers/{id}/result', '/api/v1/dossiers/987654/result',
    '                                                                                    S S S S S S S S S S S S',
    { multipart: true }],
  ['POST', '/api/v1/dossiers/{id}/supplement', '/api/v1/dossiers/987654/supplement',
    '                                                                                    S S S S S S S S S S S S',
    { multipart: true }],
  // Public, throttled: a wrong pair is 404.
  ['GET', '/api/v1/lookup', '/api/v1/lookup?code=000.05.31.H40-261130-0001&secret=ZZZZZZ',
    '                                                                                    O O O O O O O O O O O O'],
  ['GET', '/healthz', '/healthz', '                                                      O O O O O O O O O O O O'],
  // Bearer tokens only (a statistics viewer's or system administrator's; see hardening.test.mjs): no cookie counts.
  ['GET', '/metrics', '/metrics', '                                                      S S S S S S S S S S S S'],
  ['GET', '/favicon.ico', '/favicon.ico', '                                              O O O O O O O O O O O O'],
];

//! POSTs an empty upload (the CSRF field only) to `path` as `browser`.
function postMultipart(browser, path) {
  const { body, contentType } = multipart([['csrf', browser.csrf]], []);
  return browser.request('POST', path, { body, headers: { 'content-type': contentType, origin: browser.origin } });
}

const kOutcomeNames = { O: 'ok', S: 'signin', F: 'forbidden' };

//! What an answer means for the matrix.
function outcomeOf(path, res) {
  const api = path.startsWith('/api/') || path === '/metrics';
  if (res.status >= 200 && res.status < 300) {
    return 'ok';
  }
  if (res.status >= 300 && res.status < 400) {
    // The guard sends a GET to /dang-nhap?tiep=…, a POST to /dang-nhap (signing out also lands on /dang-nhap?tb=…).
    if (/^\/dang-nhap(\?tiep=|$)/.test(res.location ?? '')) {
      return api ? `redirect to ${res.location}` : 'signin';
    }
    return 'ok';
  }
  if (res.status === 401) {
    return api ? 'signin' : 'status 401';
  }
  if (res.status === 403) {
    return 'forbidden';
  }
  if ([400, 404, 409, 422].includes(res.status)) {
    return 'ok';
  }
  return `status ${res.status}`;
}

function expectations(line) {
  const cells = line.trim().split(/\s+/);
  assert.equal(cells.length, kPrincipals.length, `outcome line "${line.trim()}" has ${cells.length} cells`);
  return cells.map((c) => {
    assert.ok(kOutcomeNames[c], `unknown outcome ${c}`);
    return kOutcomeNames[c];
  });
}

let server;
const ids = {};
const sessions = new Map();  // principal name → Browser of its main session

function fill(sample) {
  return sample.replace(/\{(\w+)\}/g, (_, name) => {
    assert.ok(ids[name] !== undefined, `no sample id {${name}}`);
    return String(ids[name]);
  });
}

async function anonymous() {
  const b = new Browser(server.url);
  await b.get('/dang-nhap');  // the anonymous form binding and its token
  assert.ok(b.csrf, 'no CSRF token on /dang-nhap');
  return b;
}

async function browserFor(name, login, fresh) {
  if (!fresh && sessions.has(name)) {
    return sessions.get(name);
  }
  return login === null ? anonymous() : signedIn(server, login);
}

before(async () => {
  server = await startServer();
  for (const [name, login] of kPrincipals) {
    sessions.set(name, await browserFor(name, login, true));
  }
  // Sample objects, found the way a person would find them.
  const procedure = await new Browser(server.url).get(`/thu-tuc/${kProcedure}`);
  ids.formPath = /href="(\/thu-tuc\/[0-9.]+\/mau\/[^"?#]+)"/.exec(procedure.text)?.[1];
  assert.ok(ids.formPath, 'the procedure page links to no blank form');

  // The counter acts on accounts it made (issue 8): the sample citizen is made at the counter, then found by a POST.
  const desk = sessions.get('desk officer, district');
  const made = await desk.submit('/can-bo/cong-dan/moi', { ho_ten: 'Đinh Văn Mẫu', so_dinh_danh: '036091006482',
    'ngay_sinh-ngay': '5', 'ngay_sinh-thang': '7', 'ngay_sinh-nam': '1991', dien_thoai: '', email: '' });
  assert.equal(made.status, 200, `creating the sample citizen: ${made.status}\n${made.text.slice(0, 3000)}`);
  const search = await desk.submit('/can-bo/cong-dan', { q: '036091006482' });
  ids.citizen = /href="\/can-bo\/cong-dan\/(\d+)"/.exec(search.text)?.[1];
  assert.ok(ids.citizen, `citizen search found no account:\n${search.text.slice(0, 3000)}`);

  const account = await sessions.get('representative').get('/tai-khoan');
  ids.organisation = /href="\/tai-khoan\/to-chuc\/(\d+)"/.exec(account.text)?.[1];
  assert.ok(ids.organisation, 'the representative has no organisation on /tai-khoan');

  // An officer who is nobody's principal here, so acting on it breaks no later line; in both admins' scope.
  const admin = await signedIn(server, kDemoLogins.systemAdmin);
  const created = await admin.submit('/quan-tri/can-bo/moi', {
    ho_ten: 'Nguyễn Văn Mẫu', ten_dang_nhap: 'matran.mau', dien_thoai: '', email: '', vai_tro: 'desk_officer',
    co_quan: '000.00.31.H40',
  });
  assert.equal(created.status, 200, `creating the sample officer: ${created.status}\n${created.text.slice(0, 3000)}`);
  ids.officer = /href="\/quan-tri\/can-bo\/(\d+)"/.exec(created.text)?.[1];
  assert.ok(ids.officer, 'no link to the created officer');
  const token = await admin.submit(`/quan-tri/can-bo/${ids.officer}`, { ten_token: 'Ma tran quyen' },
    { action: `/quan-tri/can-bo/${ids.officer}/token` });
  assert.equal(token.status, 200, `creating a token: ${token.status}`);
  const officerPage = await admin.get(`/quan-tri/can-bo/${ids.officer}`);
  ids.token = /href="\/quan-tri\/token\/(\d+)\/thu-hoi"/.exec(officerPage.text)?.[1];
  assert.ok(ids.token, 'the officer page lists no live token');
});

after(async () => { await server?.stop(); });

describe('role × route matrix', () => {
  test('the table has exactly the routes of the binary', async () => {
    const routes = await listRoutes(server.db);
    const key = (method, pattern) => `${method} ${pattern}`;
    const inBinary = new Set(routes.map((r) => key(r.method, r.pattern)));
    const inTable = new Set(kMatrix.map(([method, pattern]) => key(method, pattern)));
    assert.equal(inTable.size, kMatrix.length, 'the table names a route twice');
    const missing = [...inBinary].filter((k) => !inTable.has(k));
    const stale = [...inTable].filter((k) => !inBinary.has(k));
    assert.deepEqual(missing, [], `routes without a line in kMatrix: ${missing.join(', ')}`);
    assert.deepEqual(stale, [], `kMatrix lines for routes that no longer exist: ${stale.join(', ')}`);
  });

  // Lines that end sessions run after all the others, each on a fresh session.
  const ordered = [...kMatrix.filter((l) => !l[4]?.endsSession), ...kMatrix.filter((l) => l[4]?.endsSession)];
  for (const [method, pattern, sample, line, options = {}] of ordered) {
    test(`${method} ${pattern}`, async () => {
      const expected = expectations(line);
      const path = fill(sample);
      const wrong = [];
      for (const [i, [name, login]] of kPrincipals.entries()) {
        const browser = await browserFor(name, login, options.endsSession === true);
        const res = method === 'GET' ? await browser.get(path)
          : options.multipart ? await postMultipart(browser, path)
            : method === 'POST' ? await browser.post(path, options.body ?? {})
              : await browser.request(method, path, { body: '{}', headers: { 'content-type': 'application/json' } });
        const got = outcomeOf(path, res);
        if (got !== expected[i]) {
          const where = res.location ? ` → ${res.location}` : '';
          wrong.push(`${name}: expected ${expected[i]}, got ${got} (${res.status}${where})`);
        }
      }
      assert.deepEqual(wrong, [], `${method} ${path}:\n  ${wrong.join('\n  ')}`);
    });
  }

  test('after the matrix every principal that was not signed out is still signed in', async () => {
    // The non-destructive lines changed no principal's session (the destructive ones used fresh sessions, except
    // "log out everywhere", which also ended the main ones: that is what it is for).
    for (const [name, login] of kPrincipals) {
      if (login !== null) {
        assert.equal(await sessions.get(name).signedIn(), false, `${name}: "log out everywhere" left a session`);
      }
    }
  });
});

describe('signing in from a protected page', () => {
  test('an anonymous GET is sent to sign in with the page to come back to, and comes back to it', async () => {
    const b = new Browser(server.url);
    const target = '/can-bo/cong-dan/moi';
    const res = await b.get(target);
    assert.equal(res.status, 303);
    assert.equal(res.location, `/dang-nhap?tiep=${encodeURIComponent(target)}`);
    await b.get(res.location);
    const signedInRes = await b.post('/dang-nhap', { tai_khoan: kDemoLogins.deskDistrict, mat_khau: kDemoPassword,
      tiep: target });
    assert.equal(signedInRes.status, 303);
    assert.equal(signedInRes.location, target);
  });

  test('the page to come back to must be on this site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const b = new Browser(server.url);
      await b.get('/dang-nhap');
      const res = await b.post('/dang-nhap', { tai_khoan: kDemoLogins.citizen, mat_khau: kDemoPassword, tiep: next });
      assert.equal(res.status, 303, `tiep=${next}`);
      assert.equal(res.location, '/tai-khoan', `tiep=${next} sent the person to ${res.location}`);
    }
  });
});
